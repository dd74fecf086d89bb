"""Demo data of the marketplace: offers from about 4% of staff, requests from managers, one full flow."""

from datetime import timedelta

from hrportal.models import Competency, Entity, Staff, User
from mobility.marketplace.matching import match_rematch_all
from mobility.models import (
    Assignment,
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)

OFFER_TITLES = [
    "Projectondersteuning",
    "Data-analyse",
    "Coaching",
    "Communicatie en redactie",
    "Procesverbetering",
    "Beleidsvoorbereiding",
    "Opleiding geven",
    "Juridisch advies",
    "Evenementen",
    "Digitalisering",
]
REQUEST_TITLES = [
    "Versterking projectteam",
    "Analist voor tijdelijke opdracht",
    "Coach voor leiderschapstraject",
    "Redacteur jaarverslag",
    "Procesanalyse klantendienst",
    "Ondersteuning beleidsnota",
    "Trainer nieuwe tool",
    "Juridische screening",
    "Organisatie congres",
    "Digitaliseringsproject",
]
SHARES = [10, 20, 20, 20, 30, 40, 50]


def make_offers(*, rng, staff_rows, competencies, today, count) -> list[TalentOffer]:
    offers, comps = [], []
    for staff_id, _entity_id in rng.sample(staff_rows, min(count, len(staff_rows))):
        start = today - timedelta(days=rng.randint(0, 60))
        offers.append(
            TalentOffer(
                staff_id=staff_id,
                title=rng.choice(OFFER_TITLES),
                description="Beschikbaar voor tijdelijke opdrachten.",
                time_share_percent=rng.choice(SHARES),
                start=start,
                end=start + timedelta(days=rng.randint(120, 540)),
                where=TalentOffer.Where.OWN_ENTITY if rng.random() < 0.15 else TalentOffer.Where.ANY_ENTITY,
                languages=rng.sample(["nl", "fr", "en", "de"], rng.randint(1, 3)),
            )
        )
    TalentOffer.objects.bulk_create(offers, batch_size=5000)
    for offer in offers:
        for cid in rng.sample(competencies, rng.randint(3, 5)):
            comps.append(TalentOfferCompetency(offer_id=offer.pk, competency_id=cid, level=rng.randint(1, 4)))
    TalentOfferCompetency.objects.bulk_create(comps, batch_size=5000)
    return offers


def make_requests(*, rng, owners, competencies, today, count) -> list[TalentRequest]:
    requests, comps = [], []
    for _ in range(count):
        owner_id, entity_id = rng.choice(owners)
        start = today + timedelta(days=rng.randint(7, 90))
        requests.append(
            TalentRequest(
                owner_id=owner_id,
                entity_id=entity_id,
                title=rng.choice(REQUEST_TITLES),
                description="Tijdelijke opdracht binnen de Vlaamse overheid.",
                time_share_percent=rng.choice(SHARES[:5]),
                start=start,
                end=start + timedelta(days=rng.randint(30, 240)),
                closing_date=start - timedelta(days=rng.randint(1, 6)),
            )
        )
    TalentRequest.objects.bulk_create(requests, batch_size=5000)
    for request in requests:
        chosen = rng.sample(competencies, rng.randint(2, 5))
        required = rng.randint(1, min(3, len(chosen)))
        for n, cid in enumerate(chosen):
            comps.append(
                TalentRequestCompetency(
                    request_id=request.pk, competency_id=cid, level=rng.randint(1, 3), required=n < required
                )
            )
    TalentRequestCompetency.objects.bulk_create(comps, batch_size=5000)
    return requests


def seed_marketplace(*, rng, today, out) -> None:
    competencies = list(Competency.objects.order_by("pk").values_list("pk", flat=True))
    staff_rows = list(Staff.objects.filter(is_active=True, user__isnull=True).values_list("id", "entity_id"))
    managers = list(
        Staff.objects.filter(is_active=True, reports__isnull=False).distinct().values_list("id", "entity_id")
    )
    if not competencies or not staff_rows or not managers:
        return
    offers = make_offers(
        rng=rng, staff_rows=staff_rows, competencies=competencies, today=today, count=max(20, len(staff_rows) // 25)
    )
    requests = make_requests(
        rng=rng, owners=managers, competencies=competencies, today=today, count=max(10, len(managers) // 10)
    )
    demo = {u.username: u.staff for u in User.objects.filter(username__startswith="demo-").select_related("staff")}
    member, manager = demo.get("demo-staff"), demo.get("demo-manager")
    if member is not None and manager is not None:
        _demo_flow(member=member, manager=manager, today=today, competencies=competencies, rng=rng)
    result = match_rematch_all(today=today)
    out.write(f"mobility: {len(offers)} talent offers, {len(requests)} talent requests, {result['matches']} matches")


def _demo_flow(*, member, manager, today, competencies, rng) -> None:
    """demo-staff offers 40%; a request elsewhere wants them; one application waits for demo-manager's
    consent, one is accepted and runs; demo-manager has a request of their own with candidates."""
    skills = competencies[:4]
    offer = TalentOffer.objects.create(
        staff=member,
        title="Data-analyse en rapportering",
        description="Dashboards, analyses en rapporten.",
        time_share_percent=40,
        start=today - timedelta(days=10),
        end=today + timedelta(days=365),
        languages=["nl", "en"],
    )
    TalentOfferCompetency.objects.bulk_create(
        [TalentOfferCompetency(offer=offer, competency_id=cid, level=3) for cid in skills]
    )
    other = Entity.objects.exclude(pk=member.entity_id).filter(kind=Entity.Kind.ENTITY).order_by("pk").first()
    owner = Staff.objects.filter(entity=other, reports__isnull=False).order_by("pk").first() if other else None
    if owner is None:
        return
    wanted, running = [], []
    for title, start in [
        ("Analist voor het jaarverslag", today + timedelta(days=14)),
        ("Rapportering personeelsplan", today - timedelta(days=5)),
    ]:
        request = TalentRequest.objects.create(
            owner=owner,
            entity=other,
            title=title,
            description="Tijdelijke versterking voor analyses.",
            time_share_percent=20,
            start=start,
            end=start + timedelta(days=120),
            closing_date=max(today + timedelta(days=7), start),
        )
        TalentRequestCompetency.objects.bulk_create(
            [TalentRequestCompetency(request=request, competency_id=cid, level=2, required=True) for cid in skills[:2]]
        )
        (wanted if not running and title.startswith("Analist") else running).append(request)
    TalentApplication.objects.create(
        request=wanted[0],
        offer=offer,
        kind=TalentApplication.Kind.APPLICATION,
        status=TalentApplication.Status.AWAITING_CONSENT,
        created_by=member.user,
    )
    accepted = TalentApplication.objects.create(
        request=running[0],
        offer=offer,
        kind=TalentApplication.Kind.APPLICATION,
        status=TalentApplication.Status.ACCEPTED,
        created_by=member.user,
        consent_by=manager.user,
    )
    Assignment.objects.create(
        application=accepted,
        offer=offer,
        request=running[0],
        staff=member,
        start=running[0].start,
        end=running[0].end,
        time_share_percent=20,
    )
    own = TalentRequest.objects.create(
        owner=manager,
        entity=manager.entity,
        title="Procesanalyse klantendienst",
        description="Wie helpt ons de klantendienst te hertekenen?",
        time_share_percent=20,
        start=today + timedelta(days=30),
        end=today + timedelta(days=150),
        closing_date=today + timedelta(days=21),
    )
    TalentRequestCompetency.objects.bulk_create(
        [
            TalentRequestCompetency(request=own, competency_id=cid, level=2, required=n < 2)
            for n, cid in enumerate(rng.sample(competencies, 3))
        ]
    )
