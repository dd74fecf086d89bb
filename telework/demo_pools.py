"""Demo records of the mobile pools and the innovation-climate survey (called from telework/demo.py)."""

from datetime import date, timedelta

from django.db.models import Count
from django.utils import timezone

from hrportal.models import Staff, User

from .models import (
    ClimateParticipation,
    ClimateResponse,
    ClimateRound,
    Pool,
    PoolAssignment,
    PoolMember,
    SupportRequest,
)

COACHES = 15
FACILITATORS = 5
CLIMATE_ENTITIES = 10


def seed_pools_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-").select_related("staff")}
    central, manager, staff_user = (users.get(n) for n in ("demo-central", "demo-manager", "demo-staff"))
    if central is None or manager is None or staff_user is None:
        return
    certified = date(2013, 6, 17)  # the certificates of the seed's first twelve coaches (001, IV.3)
    # get_or_create: pools and rounds outlive a wiped organisation; the demo may run again on top of them.
    coaches, _created = Pool.objects.get_or_create(
        name="Mobiele ploeg coaches",
        kind=Pool.Kind.COACHES,
        description="Gecertificeerde coaches die 20% van hun werktijd coachen op niveau van de Vlaamse overheid.",
    )
    facilitators, _created = Pool.objects.get_or_create(
        name="Mobiele ploeg procesbegeleiders",
        kind=Pool.Kind.FACILITATORS,
        description="Procesbegeleiders innovatieve arbeidsorganisatie: zelfsturende teams, platte organisaties.",
    )
    reserved = {u.staff.pk for u in users.values() if hasattr(u, "staff")}
    candidates = list(
        Staff.objects.filter(is_active=True, management_tier=Staff.Tier.NONE, level__in=["A", "B"])
        .exclude(pk__in=reserved)
        .order_by("id")
        .values_list("id", flat=True)[:400]
    )
    picked = rng.sample(candidates, min(len(candidates), COACHES + FACILITATORS - 1))
    coach_ids = [central.staff.pk, staff_user.staff.pk] + picked[: COACHES - 2]
    facilitator_ids = picked[COACHES - 2 :]
    members = [
        PoolMember(pool=coaches, staff_id=sid, certified_on=certified, is_coordinator=(sid == central.staff.pk))
        for sid in coach_ids
    ]
    # One coach is still in training: listed, but not assignable.
    members[-1].certified_on = None
    members += [
        PoolMember(pool=facilitators, staff_id=sid, certified_on=date(2013, 12, 1), is_coordinator=(i == 0))
        for i, sid in enumerate(facilitator_ids)
    ]
    PoolMember.objects.bulk_create(members)
    by_staff = {(m.pool_id, m.staff_id): m for m in PoolMember.objects.filter(pool__in=[coaches, facilitators])}
    _seed_requests(rng, today, coaches, facilitators, by_staff, coach_ids, users)
    _seed_climate(rng, today, central, reserved)
    out.write(f"telework pools: {len(members)} pool members, {SupportRequest.objects.count()} requests.")


def _seed_requests(rng, today, coaches, facilitators, by_staff, coach_ids, users):
    central, manager, staff_user, hr = (users.get(n) for n in ("demo-central", "demo-manager", "demo-staff", "demo-hr"))
    year_start = date(today.year, 1, 1)
    leaders = list(
        Staff.objects.filter(management_tier=Staff.Tier.MIDDLE, is_active=True, user__isnull=True)
        .exclude(pk=manager.staff.pk)
        .select_related("entity")
        .order_by("id")[:12]
    )
    requests, assignments = [], []
    # Earlier leadership coaching, assigned to coaches (demo-staff among them).
    others = [sid for sid in coach_ids[2:-1]]
    for i, leader in enumerate(leaders[:8]):
        start = year_start + timedelta(days=20 * i)
        coach_id = staff_user.staff.pk if i in (0, 3) else rng.choice(others)
        requests.append(
            (
                SupportRequest(
                    pool=coaches,
                    kind=SupportRequest.Kind.LEADERSHIP_COACHING,
                    entity=leader.entity,
                    requested_by=central,  # demo leaders have no login; the request is filed for them
                    coachee=leader,
                    description="Coaching rond de rol als leidinggevende in een veranderend team.",
                    estimated_hours=rng.choice([12, 16, 20, 24]),
                    wanted_from=start,
                    wanted_until=start + timedelta(days=90),
                    status=SupportRequest.Status.ASSIGNED,
                    decided_by=central,
                    decided_at=timezone.now(),
                ),
                by_staff[(coaches.pk, coach_id)],
            )
        )
    # demo-manager's own request waits in the coordinator's (demo-central's) queue.
    wanted = today + timedelta(days=14)
    open_requests = [
        SupportRequest(
            pool=coaches,
            kind=SupportRequest.Kind.LEADERSHIP_COACHING,
            entity=manager.staff.entity,
            requested_by=manager,
            coachee=manager.staff,
            description="Ik wil graag coaching bij het invoeren van resultaatgericht leidinggeven.",
            estimated_hours=16,
            wanted_from=wanted,
            wanted_until=min(wanted + timedelta(days=60), date(wanted.year, 12, 31)),
        ),
        SupportRequest(
            pool=facilitators,
            kind=SupportRequest.Kind.PROCESS_SUPPORT,
            entity=hr.staff.entity if hr and hasattr(hr, "staff") else manager.staff.entity,
            requested_by=hr or central,
            description="Begeleiding bij de overgang naar zelfsturende teams in de afdeling.",
            estimated_hours=40,
            wanted_from=wanted,
            wanted_until=date(wanted.year, 12, 31),
        ),
    ]
    for leader in leaders[8:10]:
        open_requests.append(
            SupportRequest(
                pool=coaches,
                kind=SupportRequest.Kind.TEAM_COACHING,
                entity=leader.entity,
                requested_by=central,
                description="Teamcoaching na een reorganisatie.",
                estimated_hours=24,
                wanted_from=wanted,
                wanted_until=date(wanted.year, 12, 31),
            )
        )
    created = SupportRequest.objects.bulk_create([r for r, _m in requests] + open_requests)
    for request, (_r, member) in zip(created, requests, strict=False):
        assignments.append(
            PoolAssignment(
                request=request,
                member=member,
                hours=request.estimated_hours,
                period_start=request.wanted_from,
                period_end=min(request.wanted_until, date(request.wanted_from.year, 12, 31)),
                assigned_by=central,
                status=PoolAssignment.Status.COMPLETED
                if request.wanted_until < today
                else PoolAssignment.Status.ACTIVE,
            )
        )
    PoolAssignment.objects.bulk_create(assignments)


def _seed_climate(rng, today, central, reserved):
    survey, _created = ClimateRound.objects.get_or_create(
        year=today.year,
        defaults={"opens_on": date(today.year, 1, 1), "closes_on": date(today.year, 12, 31), "created_by": central},
    )
    entity_ids = list(
        Staff.objects.filter(is_active=True)
        .values("entity_id")
        .annotate(n=Count("id"))
        .filter(n__gte=3)
        .order_by("-n", "entity_id")
        .values_list("entity_id", flat=True)[:CLIMATE_ENTITIES]
    )
    central_entity = central.staff.entity_id
    if central_entity not in entity_ids:
        entity_ids.append(central_entity)
    staff_rows = list(
        Staff.objects.filter(entity_id__in=entity_ids, is_active=True)
        .exclude(pk__in=reserved)
        .order_by("id")
        .values_list("id", "entity_id")
    )
    by_entity: dict[int, list[int]] = {}
    for sid, eid in staff_rows:
        by_entity.setdefault(eid, []).append(sid)
    participations, responses = [], []
    # Most entities answer well; the smallest other than demo-central's (and demo-hr's) answers too little
    # and stays suppressed, so the results pages show both cases.
    small = min((e for e in by_entity if e != central_entity), key=lambda e: (len(by_entity[e]), e), default=None)
    for entity_id, ids in sorted(by_entity.items()):
        share = 0.15 if entity_id == small else 0.9 if entity_id == central_entity else rng.uniform(0.5, 0.9)
        lean = rng.uniform(-0.8, 0.8)  # each entity has its own climate
        for sid in ids[: max(1, int(len(ids) * share))]:
            participations.append(ClimateParticipation(round=survey, staff_id=sid))
            scores = {
                f: max(1, min(5, round(rng.gauss(3.2 + lean + bias, 0.9))))
                for f, bias in (
                    ("score_autonomy", 0.1),
                    ("score_trust", 0.0),
                    ("score_collaboration", 0.3),
                    ("score_digital", 0.4),
                    ("score_learning", -0.3),
                )
            }
            responses.append(ClimateResponse(round=survey, entity_id=entity_id, **scores))
    rng.shuffle(responses)
    ClimateParticipation.objects.bulk_create(participations, batch_size=2000)
    ClimateResponse.objects.bulk_create(responses, batch_size=2000)
