from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from hrportal.parameters.selectors import parameter, snapshot
from hrportal.roles import staff_of
from telework.models import Pool, PoolAssignment, PoolMember, SupportRequest
from telework.pools.permissions import coordinated_pool_ids

BUDGET_KEYS = ["telework.coach_time_share_percent", "telework.standard_annual_hours"]


@dataclass(frozen=True)
class BudgetRule:
    """A member's yearly budget = share of working time x working-time fraction x standard annual hours."""

    share_percent: int
    annual_hours: int
    year: int

    def budget_for(self, working_time_fraction: Decimal) -> int:
        hours = Decimal(self.share_percent) * Decimal(working_time_fraction) * Decimal(self.annual_hours) / 100
        return int(hours.to_integral_value(rounding=ROUND_FLOOR))

    def parameters(self) -> dict:
        return snapshot(BUDGET_KEYS, on=date(self.year, 1, 1))


def budget_rule(*, year: int) -> BudgetRule:
    """The parameters in force on 1 January of `year` set that year's budgets."""
    on = date(year, 1, 1)
    return BudgetRule(
        share_percent=int(parameter("telework.coach_time_share_percent", on=on)),
        annual_hours=int(parameter("telework.standard_annual_hours", on=on)),
        year=year,
    )


def _year_q(year: int, prefix: str = "") -> Q:
    return Q(**{f"{prefix}period_start__gte": date(year, 1, 1), f"{prefix}period_start__lte": date(year, 12, 31)})


def staff_hours_used(*, staff_id: int, year: int) -> int:
    """Hours of every assignment starting in `year` of this person, in whichever pool: one working time,
    one budget."""
    rows = PoolAssignment.objects.filter(_year_q(year), member__staff_id=staff_id)
    return rows.aggregate(total=Sum("hours"))["total"] or 0


def pool_members_with_budget(*, pool_ids, year: int) -> list[PoolMember]:
    """Members of `pool_ids` with `budget`, `used` and `remaining` hours for `year` (used counts the person's
    assignments in every pool), in one query."""
    rule = budget_rule(year=year)
    used = (
        PoolAssignment.objects.filter(_year_q(year), member__staff_id=OuterRef("staff_id"))
        .order_by()
        .values("member__staff_id")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    members = list(
        PoolMember.objects.filter(pool_id__in=pool_ids)
        .select_related("staff", "staff__entity", "pool")
        .annotate(used=Coalesce(Subquery(used, output_field=IntegerField()), Value(0)))
    )
    for member in members:
        member.budget = rule.budget_for(member.staff.working_time_fraction)
        member.remaining = member.budget - member.used
        member.assignable = member.is_assignable and member.staff.is_active
    return members


def pool_list() -> QuerySet[Pool]:
    return Pool.objects.annotate(
        member_count=Count("members", filter=Q(members__is_active=True, members__certified_on__isnull=False))
    ).order_by("kind", "name")


def support_request_queue(*, viewer) -> QuerySet[SupportRequest]:
    """Open requests of the pools the viewer coordinates, oldest first."""
    return (
        SupportRequest.objects.filter(pool_id__in=coordinated_pool_ids(viewer), status=SupportRequest.Status.OPEN)
        .select_related("pool", "entity", "requested_by__staff", "coachee")
        .order_by("created_at", "id")
    )


def assignments_of(*, viewer) -> QuerySet[PoolAssignment]:
    me = staff_of(viewer)
    if me is None:
        return PoolAssignment.objects.none()
    return PoolAssignment.objects.filter(member__staff=me).select_related(
        "request", "request__entity", "request__coachee", "request__requested_by__staff", "member__pool"
    )


def requests_made_by(*, viewer) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(requested_by=viewer).select_related(
        "pool", "entity", "assignment__member__staff"
    )
