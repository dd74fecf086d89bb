"""Demo: the shortage list (doctors as the pilot, plus two technical functions) and allowances granted to a
few staff in those functions, some in the demo HR officer's entity."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from hrportal.data.demo import AGO_CODE
from hrportal.models import Entity, Function, FunctionFamily, Staff, User
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.matrix.services import staff_function_set

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
    _one_function_change(doctor=doctor, staff_ids=in_ago[:3], today=today)
    out.write(f"reward: {len(listings)} shortage functions, {len(allowances)} labour-market allowances")


def _one_function_change(*, doctor, staff_ids, today) -> None:
    """One doctor in the demo HR officer's entity takes up another function today, through the service: their
    running allowance ends yesterday (status "changed"), so demo-hr finds it on the home page."""
    hr = User.objects.filter(username="demo-hr").first()
    running = (
        LabourMarketAllowance.objects.filter(staff_id__in=staff_ids, start__lt=today, end__gte=today)
        .select_related("staff")
        .order_by("staff_id")
        .first()
    )
    other = Function.objects.filter(function_class=doctor.function_class).exclude(pk=doctor.pk).order_by("pk").first()
    if hr is None or running is None or other is None:
        return
    try:
        staff_function_set(actor=hr, staff=running.staff, function=other, on=today)
    except ValidationError:
        return  # the demo's history already has a later change: nothing to show
