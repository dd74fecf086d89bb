"""Demo leave (called from deployability/demo.py): the catalogue, a year of approved leave for a sample of
staff (bounded, whatever the size of the organisation), demo-staff's balances and a request waiting for
demo-manager."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from deployability.leave.models import LeaveRequest, LeaveRight
from deployability.leave.selectors import public_holidays, working_days
from deployability.leave.services import leave_catalogue_load
from hrportal.models import Staff, User
from hrportal.scoping import team_ids_sql

SAMPLE = 1500


def _next_monday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7 or 7)


def seed_demo(*, rng, today: date, out) -> None:
    leave_catalogue_load()
    rights = {r.code: r for r in LeaveRight.objects.all()}
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-manager"])}
    if "demo-staff" not in users or "demo-manager" not in users:
        return
    me = Staff.objects.get(user=users["demo-staff"])
    manager = Staff.objects.get(user=users["demo-manager"])
    now = timezone.now()
    year_start = date(today.year, 1, 1)
    records = []
    holidays = public_holidays(date(today.year - 1, 1, 1), date(today.year + 1, 12, 31))  # one query

    def add(staff_id, right, start, end, status, decided=True):
        days = Decimal(working_days(start, end, holidays=holidays))
        if days <= 0:
            return
        records.append(
            LeaveRequest(
                staff_id=staff_id,
                right=right,
                start=start,
                end=end,
                days=days,
                status=status,
                decided_by_id=users["demo-manager"].pk if decided and status != LeaveRequest.Status.REQUESTED else None,
                decided_at=now if decided and status != LeaveRequest.Status.REQUESTED else None,
            )
        )

    # demo-staff: holiday and favour leave taken earlier this year, and a request waiting for the manager.
    first = _next_monday(year_start)
    add(me.pk, rights["jaarlijkse-vakantie"], first + timedelta(days=21), first + timedelta(days=25), "approved")
    add(me.pk, rights["gunstverlof"], first + timedelta(days=42), first + timedelta(days=42), "approved")
    add(me.pk, rights["gunstverlof"], first + timedelta(days=49), first + timedelta(days=49), "approved")
    coming = _next_monday(today) + timedelta(days=14)
    if coming.year != (coming + timedelta(days=4)).year:
        coming += timedelta(days=7)
    add(me.pk, rights["jaarlijkse-vakantie"], coming, coming + timedelta(days=4), "requested")

    # demo-manager's team: leave this month and next for the team calendar, two more requests to decide.
    team = list(
        Staff.objects.filter(pk__in=team_ids_sql(manager.pk), is_active=True)
        .exclude(pk=me.pk)
        .order_by("id")
        .values_list("id", flat=True)[:12]
    )
    month_start = today.replace(day=1)
    for i, staff_id in enumerate(team):
        start = month_start + timedelta(days=rng.randint(0, 27))
        status = "requested" if i < 2 and start > today else "approved"
        add(
            staff_id,
            rights[rng.choice(["jaarlijkse-vakantie", "gunstverlof"])],
            start,
            start + timedelta(days=rng.randint(0, 3)),
            status,
        )

    # A sample of the organisation: approved leave earlier this year, for the leave-taken report.
    sample = list(
        Staff.objects.filter(is_active=True)
        .exclude(pk__in=[me.pk, *team])
        .order_by("id")
        .values_list("id", flat=True)[: SAMPLE * 3]
    )
    kinds = ["jaarlijkse-vakantie"] * 6 + ["gunstverlof"] * 2 + ["dwingende-familiale-redenen", "omstandigheidsverlof"]
    span = max((today - year_start).days - 10, 1)
    for staff_id in rng.sample(sample, min(SAMPLE, len(sample))):
        start = year_start + timedelta(days=rng.randint(0, span))
        add(staff_id, rights[rng.choice(kinds)], start, start + timedelta(days=rng.randint(0, 4)), "approved", True)
    LeaveRequest.objects.bulk_create(records, batch_size=2000)
    out.write(f"deployability leave: {len(rights)} kinds of leave, {len(records)} requests.")
