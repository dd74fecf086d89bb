"""Demo: the shortage list (doctors as the pilot, plus two technical functions) and allowances granted to a
few staff in those functions, some in the demo HR officer's entity."""

from datetime import date
from decimal import Decimal

from hrportal.data.demo import AGO_CODE
from hrportal.models import Entity, Function, FunctionFamily, Staff
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction

DOCTOR = ("Arts", "themadeskundigen", 15)


def seed_demo(*, rng, today, out) -> None:
    family = FunctionFamily.objects.filter(code=DOCTOR[1]).first()
    doctor, _created = Function.objects.get_or_create(
        name=DOCTOR[0], family=family, function_class=DOCTOR[2], defaults={"weight": 0}
    )
    start = date(today.year - 2, 1, 1)
    listings = [
        ShortageFunction(
            function=doctor,
            valid_from=start,
            yearly_amount=Decimal("9000.00"),
            note="Pilot: artsen (arbeidsmarkttoelage)",
        )
    ]
    for name, percent in (("ICT-specialist", "8.00"), ("Ingenieur", "6.00")):
        function = Function.objects.filter(name=name).first()
        if function is not None:
            listings.append(ShortageFunction(function=function, valid_from=start, percentage=Decimal(percent)))
    ShortageFunction.objects.bulk_create(listings)
    listing_of = {s.function_id: s for s in ShortageFunction.objects.filter(valid_until__isnull=True)}

    # A few A-level staff of class 15 become doctors (the pilot is small): about one in 60, at least three in
    # the demo HR officer's entity.
    ago = Entity.objects.filter(code=AGO_CODE).values_list("pk", flat=True).first()
    candidates = list(
        Staff.objects.filter(level=Staff.Level.A, management_tier=Staff.Tier.NONE, function__function_class=15)
        .exclude(function__family__is_management=True)
        .exclude(user__isnull=False)
        .order_by("pk")
        .values_list("pk", "entity_id", "entity__parent_id")
    )
    in_ago = [pk for pk, entity, parent in candidates if ago in (entity, parent)]
    doctors = set(in_ago[:3]) | {pk for pk, _e, _p in candidates if rng.random() < 1 / 60}
    Staff.objects.filter(pk__in=doctors).update(function=doctor)

    granted = list(
        Staff.objects.filter(function_id__in=listing_of, is_active=True).order_by("pk").values_list("pk", "function_id")
    )
    allowances = []
    for pk, function_id in granted:
        if function_id != doctor.pk and rng.random() < 0.6:
            continue  # not every ICT specialist or engineer receives it
        listing = listing_of[function_id]
        begin = date(today.year - rng.choice([0, 1, 1, 2]), rng.choice([1, 4, 7, 10]), 1)
        begin = max(begin, listing.valid_from)
        end = date(begin.year + rng.choice([1, 2, 3]), begin.month, 1)
        allowances.append(
            LabourMarketAllowance(
                staff_id=pk,
                listing=listing,
                start=begin,
                end=end,
                yearly_amount=listing.yearly_amount,
                percentage=listing.percentage,
            )
        )
    LabourMarketAllowance.objects.bulk_create(allowances, batch_size=5000)
    out.write(f"reward: {len(listings)} shortage functions, {len(allowances)} labour-market allowances")
