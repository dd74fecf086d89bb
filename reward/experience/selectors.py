"""Recognised experience: the one computation, and the public read other apps use.

`experience_recognised(*, staff, on=None)` is reward's public read (deployability and leadership call it):
the seniority recognised for `staff` by the decisions taken up to `on` (default today), as an object with
`years`, `months`, `days`, `total_days` and `lines` (how it was computed).

The rule (001, III.3; SPEC 3): only relevant experience counts; private-sector and self-employed experience
counts in full, without a cap (`reward.private_experience_cap_years`, or
`reward.shortage_experience_cap_years` for a shortage occupation; 0 = no cap; the old caps were 9 and 15
years); public-sector experience counts only insofar as it is relevant; a day covered by several periods
counts once; part-time periods count pro rata to their working-time fraction when HR says so.
A year is 365 days and a month 30 days (days beyond 11 months stay days).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from django.db.models import Q, QuerySet
from django.utils import timezone

from hrportal.roles import staff_of
from hrportal.scoping import team_ids_sql
from reward.experience.models import ExperiencePeriod, ExperienceRequest
from reward.experience.permissions import can_decide_request, can_judge_request, is_hr, requests_visible_to

CAP_KEYS = ["reward.private_experience_cap_years", "reward.shortage_experience_cap_years"]
CAPPED_SECTORS = {ExperiencePeriod.Sector.PRIVATE, ExperiencePeriod.Sector.SELF_EMPLOYED}


@dataclass
class RecognisedExperience:
    years: int = 0
    months: int = 0
    days: int = 0
    total_days: int = 0
    capped_days_before_cap: int = 0
    cap_days: int = 0
    lines: list = field(default_factory=list)  # per period: employer, sector, from, until, counted, why


def split_days(total: int) -> tuple[int, int, int]:
    years, rest = divmod(total, 365)
    months = min(rest // 30, 11)
    return years, months, rest - months * 30


@dataclass(frozen=True)
class Interval:
    start: date
    end: date  # inclusive
    weight: Decimal
    capped: bool


def experience_compute(*, intervals: list[Interval], cap_days: int = 0) -> tuple[int, int]:
    """Weighted days covered by the intervals, each day once (the highest weight of the periods covering it,
    at most 1; a day is capped only if every period covering it is private or self-employed).
    Returns (total_days, capped_days_before_cap)."""
    points = sorted({i.start for i in intervals} | {i.end + timedelta(days=1) for i in intervals})
    capped_total, free_total = Decimal(0), Decimal(0)
    for left, right in pairwise(points):
        active = [i for i in intervals if i.start <= left and i.end >= left]
        if not active:
            continue
        days = Decimal((right - left).days)
        weight = min(max(i.weight for i in active), Decimal(1))
        if all(i.capped for i in active):
            capped_total += days * weight
        else:
            free_total += days * weight
    capped = int(capped_total.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    free = int(free_total.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    counted_capped = min(capped, cap_days) if cap_days else capped
    return free + counted_capped, capped


def _recognised_intervals(*, staff, on: date) -> tuple[list[Interval], list[dict], int] | None:
    """The intervals the decisions taken up to `on` recognise, a line per period, and the cap in days;
    None when no decision was taken."""
    requests = list(
        ExperienceRequest.objects.filter(staff=staff, status=ExperienceRequest.Status.DECIDED, decided_on__lte=on)
        .filter(Q(superseded_on__isnull=True) | Q(superseded_on__gt=on))
        .prefetch_related("periods")
        .order_by("decided_on", "id")
    )
    if not requests:
        return None
    latest = requests[-1]
    values = (latest.parameters or {}).get("values", {})
    shortage = any(r.shortage_occupation for r in requests)
    cap_years = values.get(
        "reward.shortage_experience_cap_years" if shortage else "reward.private_experience_cap_years", 0
    )
    intervals, lines = [], []
    for request in requests:
        for period in request.periods.all():
            counted = bool(period.recognised)
            weight = Decimal(period.part_time_fraction) if request.pro_rata else Decimal(1)
            if counted:
                intervals.append(Interval(period.start, period.end, weight, period.sector in CAPPED_SECTORS))
            lines.append(
                {
                    "employer": period.employer,
                    "sector": period.sector,
                    "start": period.start,
                    "end": period.end,
                    "calendar_days": (period.end - period.start).days + 1,
                    "counted": counted,
                    "weight": float(weight) if counted else 0.0,
                }
            )
    return intervals, lines, int(cap_years) * 365


def experience_recognised(*, staff, on: date | None = None) -> RecognisedExperience:
    on = on or timezone.localdate()
    found = _recognised_intervals(staff=staff, on=on)
    if found is None:
        return RecognisedExperience()
    intervals, lines, cap_days = found
    total, capped_before = experience_compute(intervals=intervals, cap_days=cap_days)
    years, months, days = split_days(total)
    return RecognisedExperience(
        years=years,
        months=months,
        days=days,
        total_days=total,
        capped_days_before_cap=capped_before,
        cap_days=cap_days,
        lines=lines,
    )


@dataclass
class SalarySeniority:
    """The salary seniority (geldelijke anciënniteit) on `on`: service since `Staff.service_start` plus the
    recognised experience, a day covered by both counted once. `start` is the equivalent start date: the
    seniority on a later day is that day minus `start` (while the person stays in service)."""

    on: date
    years: int = 0
    months: int = 0
    days: int = 0
    total_days: int = 0
    service_days: int = 0
    experience_days: int = 0  # recognised experience days counted on top of the service
    overlap_days: int = 0  # recognised experience days that fell within the service (counted once)
    start: date | None = None


def salary_seniority(*, staff, on: date | None = None) -> SalarySeniority:
    """Reward's one definition of the salary seniority (docs/reward.md, "Salary seniority"): the person's
    service from `service_start` up to `on` (inclusive; none before it starts) plus the experience recognised
    by the decisions taken up to `on`, each day once (the highest share among the periods covering it; the
    service counts in full and is never capped)."""
    on = on or timezone.localdate()
    found = _recognised_intervals(staff=staff, on=on)
    intervals, cap_days = (found[0], found[2]) if found else ([], 0)
    experience, _capped = experience_compute(intervals=intervals, cap_days=cap_days)
    service = []
    if staff.service_start and staff.service_start <= on:
        service = [Interval(staff.service_start, on, Decimal(1), False)]
    service_days = (on - staff.service_start).days + 1 if service else 0
    total, _capped = experience_compute(intervals=intervals + service, cap_days=cap_days)
    years, months, days = split_days(total)
    return SalarySeniority(
        on=on,
        years=years,
        months=months,
        days=days,
        total_days=total,
        service_days=service_days,
        experience_days=total - service_days,
        overlap_days=experience - (total - service_days),
        start=on - timedelta(days=total - 1) if total else None,
    )


def requests_of(*, staff) -> QuerySet[ExperienceRequest]:
    return ExperienceRequest.objects.filter(staff=staff).prefetch_related("periods").order_by("-submitted_at")


def requests_to_judge(*, viewer) -> QuerySet[ExperienceRequest]:
    """Requests of the viewer's team waiting for the line manager's judgement of relevance."""
    me = staff_of(viewer)
    if me is None:
        return ExperienceRequest.objects.none()
    return (
        ExperienceRequest.objects.filter(status=ExperienceRequest.Status.SUBMITTED, staff_id__in=team_ids_sql(me.pk))
        .select_related("staff")
        .order_by("submitted_at")
    )


def requests_to_decide(*, viewer) -> QuerySet[ExperienceRequest]:
    """Requests of the viewer's entities judged by the manager, waiting for HR (never the viewer's own)."""
    if not is_hr(viewer):
        return ExperienceRequest.objects.none()
    qs = requests_visible_to(viewer).filter(status=ExperienceRequest.Status.JUDGED)
    me = staff_of(viewer)
    if me is not None:
        qs = qs.exclude(staff=me)
    return qs.select_related("staff__entity").order_by("judged_at")


def request_actions(*, user, request: ExperienceRequest) -> dict:
    return {
        "judge": request.status == ExperienceRequest.Status.SUBMITTED and can_judge_request(user=user, request=request),
        "decide": request.status == ExperienceRequest.Status.JUDGED and can_decide_request(user=user, request=request),
        "revise": request.status == ExperienceRequest.Status.DECIDED
        and request.superseded_by_id is None
        and can_decide_request(user=user, request=request),
    }
