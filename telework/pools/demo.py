"""Demo records of the mobile pools (called from telework/demo.py)."""

from datetime import date, timedelta

from django.utils import timezone

from hrportal.models import Staff, User
from telework.models import (
    Pool,
    PoolAssignment,
    PoolMember,
    SupportRequest,
)

COACHES = 15
FACILITATORS = 5


def seed_demo(*, rng, today: date, out) -> None:
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
