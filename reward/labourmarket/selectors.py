import operator
from datetime import date
from functools import reduce

from django.db.models import (
    Case,
    ExpressionWrapper,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast

from hrportal.roles import staff_of
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.labourmarket.permissions import allowances_visible_to


def shortage_listing_on(*, function_id: int, on: date) -> ShortageFunction | None:
    """The listing of `function_id` in force on `on`, if the function is on the shortage list that day."""
    return (
        ShortageFunction.objects.filter(function_id=function_id, valid_from__lte=on)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .order_by("-valid_from")
        .first()
    )


def shortage_list(*, on: date | None = None) -> QuerySet[ShortageFunction]:
    """Every listing (past, current and future), or those in force on `on`."""
    rows = ShortageFunction.objects.select_related("function", "function__family")
    if on is not None:
        rows = rows.filter(valid_from__lte=on).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
    return rows.order_by("function__name", "-valid_from")


def allowance_list(*, viewer, active_on: date | None = None) -> QuerySet[LabourMarketAllowance]:
    rows = allowances_visible_to(viewer).select_related("staff", "staff__entity", "listing__function")
    if active_on is not None:
        rows = rows.filter(start__lte=active_on, end__gte=active_on)
    return rows.order_by("-start", "-id")


def own_allowances(*, viewer) -> QuerySet[LabourMarketAllowance]:
    me = staff_of(viewer)
    if me is None:
        return LabourMarketAllowance.objects.none()
    return LabourMarketAllowance.objects.filter(staff=me).select_related("listing__function").order_by("-start")


def allowance_listing_ended_count(*, viewer, status: str = LabourMarketAllowance.Status.DELISTED) -> int:
    """Allowances visible to `viewer` that were ended by a rule: their function left the shortage list
    (default), or the person changed function (`status="changed"`)."""
    return allowances_visible_to(viewer).filter(status=status).count()


def months_active_in(*, year: int, start: str = "start", end: str = "end"):
    """Over rows with a `start` and `end` date: how many months of `year` the period is paid for, as one
    portable SQL expression. A month counts when the period runs on its 15th: consecutive periods of one person
    (which never overlap) never count one month twice, and a period of 30 days or more always counts."""
    months = [
        Case(
            When(Q(**{f"{start}__lte": date(year, m, 15), f"{end}__gte": date(year, m, 15)}), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for m in range(1, 13)
    ]
    return reduce(operator.add, months)


def labour_market_paid_in_year(*, year: int) -> Subquery:
    """Per Staff row (OuterRef "pk"): the gross labour-market allowance paid in `year` — a yearly amount x
    months active / 12, or a percentage x the (full-time) basic monthly salary x months active — pro rata the
    working-time fraction."""
    months = months_active_in(year=year)
    amount = Case(
        When(
            yearly_amount__isnull=False,
            then=ExpressionWrapper(Cast("yearly_amount", FloatField()) * months / Value(12.0), FloatField()),
        ),
        default=ExpressionWrapper(
            Cast("percentage", FloatField())
            / Value(100.0)
            * Cast("staff__gross_monthly_salary", FloatField())
            * months,
            FloatField(),
        ),
        output_field=FloatField(),
    )
    amount = ExpressionWrapper(amount * Cast("staff__working_time_fraction", FloatField()), FloatField())
    paid = (
        LabourMarketAllowance.objects.filter(
            staff_id=OuterRef("pk"), start__lte=date(year, 12, 31), end__gte=date(year, 1, 1)
        )
        .order_by()
        .values("staff_id")
        .annotate(total=Sum(amount))
        .values("total")
    )
    return Subquery(paid, output_field=FloatField())
