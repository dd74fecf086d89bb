"""Reading leave: working days, balances per right and year, the manager's queue and team calendar."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum

from deployability.leave.models import LeaveRequest, LeaveRight, PublicHoliday
from hrportal.models import Staff
from hrportal.roles import staff_of
from hrportal.scoping import team_ids_sql

Status = LeaveRequest.Status
HALF = Decimal("0.5")


def public_holidays(start: date, end: date) -> set[date]:
    """The public holidays between start and end, both included (one query)."""
    return set(PublicHoliday.objects.filter(day__gte=start, day__lte=end).values_list("day", flat=True))


def working_days(start: date, end: date, *, holidays: set[date] | None = None) -> int:
    """Monday to Friday between start and end, both included, without the public holidays on those days
    (`holidays` when the caller already read them, else one query)."""
    if end < start:
        return 0
    total = (end - start).days + 1
    weeks, rest = divmod(total, 7)
    days = weeks * 5
    for offset in range(rest):
        if (start + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            days += 1
    holidays = public_holidays(start, end) if holidays is None else holidays
    return days - sum(1 for day in holidays if start <= day <= end and day.weekday() < 5)


def leave_days(*, start: date, end: date, half_day: bool) -> Decimal:
    if half_day:
        return HALF if working_days(start, start) else Decimal(0)
    return Decimal(working_days(start, end))


def entitlement_for(*, right: LeaveRight, staff: Staff) -> Decimal | None:
    """The yearly entitlement of `right` for `staff`: the catalogue's full-time number times the person's
    working-time fraction, rounded to the nearest half day (a quarter rounds up, in the person's favour:
    35 times 0.75 = 26.25 → 26.5). None when the right has no yearly number."""
    if right.yearly_entitlement_days is None:
        return None
    exact = Decimal(right.yearly_entitlement_days) * Decimal(staff.working_time_fraction)
    return (exact * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2


def leave_rights_active() -> QuerySet[LeaveRight]:
    return LeaveRight.objects.filter(is_active=True)


def days_held(*, staff_id: int, right_id: int, year: int) -> Decimal:
    """Days of a right requested or approved in `year`: what counts against the entitlement."""
    total = LeaveRequest.objects.filter(
        staff_id=staff_id, right_id=right_id, start__year=year, status__in=LeaveRequest.HOLDING
    ).aggregate(total=Sum("days"))["total"]
    return total or Decimal(0)


def overlapping(*, staff_id: int, start: date, end: date) -> QuerySet[LeaveRequest]:
    return LeaveRequest.objects.filter(
        staff_id=staff_id, status__in=LeaveRequest.HOLDING, start__lte=end, end__gte=start
    )


@dataclass
class Balance:
    right: LeaveRight
    approved: Decimal = Decimal(0)
    requested: Decimal = Decimal(0)
    pieces: int = 0
    entitlement: Decimal | None = None  # pro-rated by the working-time fraction (entitlement_for)

    @property
    def remaining(self):
        if self.entitlement is None:
            return None
        return self.entitlement - self.approved - self.requested


def balances_for(*, staff: Staff, year: int) -> list[Balance]:
    """Every active right with the staff member's approved and pending days in `year` (two queries)."""
    rows = (
        LeaveRequest.objects.filter(staff=staff, start__year=year, status__in=LeaveRequest.HOLDING)
        .values("right_id")
        .annotate(
            approved=Sum("days", filter=Q(status=Status.APPROVED)),
            requested=Sum("days", filter=Q(status=Status.REQUESTED)),
        )
    )
    pieces = {
        r["right_id"]: r["n"]
        for r in LeaveRequest.objects.filter(staff=staff, start__year=year, status=Status.APPROVED)
        .values("right_id")
        .annotate(n=Count("id"))
    }
    by_right = {r["right_id"]: r for r in rows}
    balances = []
    for right in LeaveRight.objects.filter(Q(is_active=True) | Q(pk__in=list(by_right))):
        row = by_right.get(right.pk, {})
        balances.append(
            Balance(
                right=right,
                approved=row.get("approved") or Decimal(0),
                requested=row.get("requested") or Decimal(0),
                pieces=pieces.get(right.pk, 0),
                entitlement=entitlement_for(right=right, staff=staff),
            )
        )
    return balances


def leave_pending_for(*, viewer) -> QuerySet[LeaveRequest]:
    """Requests waiting for `viewer`'s decision: their team's (direct and indirect reports)."""
    me = staff_of(viewer)
    if me is None:
        return LeaveRequest.objects.none()
    return (
        LeaveRequest.objects.filter(status=Status.REQUESTED, staff_id__in=team_ids_sql(me.pk))
        .exclude(staff_id=me.pk)
        .select_related("staff", "right")
        .order_by("start", "id")
    )


def my_leave(*, viewer) -> QuerySet[LeaveRequest]:
    me = staff_of(viewer)
    if me is None:
        return LeaveRequest.objects.none()
    return LeaveRequest.objects.filter(staff=me).select_related("right")


@dataclass
class CalendarDay:
    day: date
    entries: list = field(default_factory=list)

    @property
    def is_weekend(self) -> bool:
        return self.day.weekday() >= 5


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def team_calendar(*, viewer, year: int, month: int) -> list[CalendarDay]:
    """The month, day by day, with the team's approved and pending leave (one query)."""
    first, last = month_bounds(year, month)
    me = staff_of(viewer)
    days = [CalendarDay(day=first + timedelta(days=i)) for i in range((last - first).days + 1)]
    if me is None:
        return days
    requests = (
        LeaveRequest.objects.filter(
            staff_id__in=team_ids_sql(me.pk), status__in=LeaveRequest.HOLDING, start__lte=last, end__gte=first
        )
        .select_related("staff", "right")
        .order_by("staff__last_name", "staff__first_name", "start")
    )
    for leave in requests:
        for entry in days:
            if leave.start <= entry.day <= leave.end and not entry.is_weekend:
                entry.entries.append(leave)
    return days
