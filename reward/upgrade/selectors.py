"""Reads of the function-upgrade allowance: lists for a viewer, the expiry list and the yearly published list."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max, Min, Q, QuerySet
from django.utils import timezone

from hrportal.parameters.catalogue import CATALOGUE
from hrportal.parameters.selectors import parameter
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from reward.upgrade.permissions import allowances_decidable_by, allowances_visible_to


def _with_dates(qs: QuerySet[UpgradeAllowance]) -> QuerySet[UpgradeAllowance]:
    live = Q(periods__cancelled=False)
    return qs.annotate(first_start=Min("periods__start", filter=live), last_end=Max("periods__end", filter=live))


def allowance_list(*, viewer, holder_id: int | None = None) -> QuerySet[UpgradeAllowance]:
    qs = allowances_visible_to(viewer)
    if holder_id is not None:
        qs = qs.filter(holder_id=holder_id)
    return _with_dates(qs).select_related("holder", "function__family").order_by("-first_start", "-id")


def allowance_own(*, staff) -> QuerySet[UpgradeAllowance]:
    return (
        _with_dates(UpgradeAllowance.objects.filter(holder=staff))
        .select_related("function__family")
        .order_by("-first_start")
    )


def expiry_notice_days(*, today: date) -> int:
    return parameter("reward.upgrade.expiry_notice_days", on=today)


def allowance_expiring(
    *, viewer=None, today: date | None = None, days: int | None = None
) -> QuerySet[UpgradeAllowance]:
    """Active allowances whose last period ends within the notice days (today included). With a viewer: those
    the viewer decides on (their team's, their entities'); without one: all (the scheduled report)."""
    today = today or timezone.localdate()
    days = expiry_notice_days(today=today) if days is None else days
    qs = UpgradeAllowance.objects.all() if viewer is None else allowances_decidable_by(viewer)
    return (
        _with_dates(qs.filter(status=UpgradeAllowance.Status.ACTIVE))
        .filter(last_end__gte=today, last_end__lte=today + timedelta(days=days))
        .select_related("holder__entity", "holder__line_manager", "function__family")
        .order_by("last_end", "id")
    )


@dataclass(frozen=True)
class Publication:
    year: int
    period_start: date
    period_end: date
    published_on: date


def publication_current(*, today: date | None = None) -> Publication:
    """The publication year: from the publication month (September by default) for twelve months. The list
    is published at its start and kept current through the year: every allowance that runs at some time in
    the publication year is on it. Before the month comes, the previous publication year is the current one."""
    today = today or timezone.localdate()
    month = parameter("reward.upgrade.publication_month", on=today)
    year = today.year if today.month >= month else today.year - 1
    published_on = date(year, month, 1)
    return Publication(
        year=year,
        period_start=published_on,
        period_end=date(year + 1, month, 1) - timedelta(days=1),
        published_on=published_on,
    )


def published_list(*, publication: Publication):
    """What the statute makes public, nothing more: the holder's name, the function and the percentage of
    every allowance that runs during the publication year."""
    running = UpgradePeriod.objects.filter(
        cancelled=False, start__lte=publication.period_end, end__gte=publication.period_start
    ).values("allowance_id")
    return (
        UpgradeAllowance.objects.filter(pk__in=running)
        .order_by("holder__last_name", "holder__first_name", "id")
        .values("holder__first_name", "holder__last_name", "function__name", "function_class", "percentage")
    )


def allowance_periods(*, allowance: UpgradeAllowance) -> list[UpgradePeriod]:
    """The periods, each with `rules`: the parameters it was checked against, as (label, value, unit)."""
    periods = list(allowance.periods.order_by("start", "id").select_related("decided_by"))
    for period in periods:
        period.rules = parameters_explained(period.parameters)
    return periods


def parameters_explained(recorded: dict) -> list[tuple]:
    """A recorded snapshot as (label, value, unit) for a reader, in the catalogue's words."""
    rows = []
    for key, value in (recorded or {}).get("values", {}).items():
        spec = CATALOGUE.get(key)
        if spec is not None:
            rows.append((spec.label, value, spec.unit))
    return rows
