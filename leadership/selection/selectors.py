"""The two selection rules of middle management, each a function of its input and the date it applies on."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from hrportal.models import HrOfficerScope, User
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.roles import staff_of
from leadership.selection.models import Candidate, Probation, Selection
from leadership.selection.permissions import probations_visible_to, selections_visible_to

EXPERIENCE_KEYS = ["leadership.middle_management.min_experience_years"]
PROBATION_KEYS = ["leadership.probation.min_months", "leadership.probation.max_months"]
DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30
DUE_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Duration:
    """Relevant experience as HR enters it (years, months, days). reward's recognised experience
    (reward.experience.selectors.experience_recognised) offers the same `total_days`."""

    years: int
    months: int = 0
    days: int = 0

    @property
    def total_days(self) -> int:
        return self.years * DAYS_PER_YEAR + self.months * DAYS_PER_MONTH + self.days


def required_experience_days(*, on: date) -> int:
    return int(parameter("leadership.middle_management.min_experience_years", on=on)) * DAYS_PER_YEAR


def experience_sufficient(experience, *, on: date) -> bool:
    """The one check of the experience rule: internal and external candidates alike need at least the
    parameter's years (6) of relevant experience. `experience` is anything with `total_days`."""
    return experience.total_days >= required_experience_days(on=on)


def experience_snapshot(*, on: date) -> dict:
    return snapshot(EXPERIENCE_KEYS, on=on)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def probation_bounds(*, on: date) -> tuple[int, int]:
    values = snapshot(PROBATION_KEYS, on=on)["values"]
    return int(values["leadership.probation.min_months"]), int(values["leadership.probation.max_months"])


def probation_length_allowed(months: int, *, on: date) -> bool:
    low, high = probation_bounds(on=on)
    return low <= months <= high


def probation_end(starts_on: date, months: int) -> date:
    """The last day of a probation of `months` months from `starts_on` (1 Mar + 6 months → 31 Aug)."""
    return add_months(starts_on, months) - timedelta(days=1)


def selection_list(*, viewer) -> QuerySet[Selection]:
    return (
        selections_visible_to(viewer)
        .select_related("entity")
        .annotate(
            candidate_count=Count("candidates"),
            admissible_count=Count("candidates", filter=Q(candidates__status=Candidate.Status.ADMISSIBLE)),
        )
        .order_by("-opens_on", "-id")
    )


def probation_list(*, viewer) -> QuerySet[Probation]:
    return probations_visible_to(viewer).select_related("staff", "staff__entity").order_by("ends_on", "id")


def probation_due_q(*, today: date) -> Q:
    """The one rule of when a probation's evaluation is due: running and ending within DUE_WITHIN_DAYS (or
    already ended). The home page's action item and the daily reminder mail both read it."""
    return Q(outcome=Probation.Outcome.PENDING, ends_on__lte=today + timedelta(days=DUE_WITHIN_DAYS))


def probations_due(*, viewer, today: date) -> QuerySet[Probation]:
    """The due probations that the viewer may evaluate: line managers their team's, HR their entities'.
    The leader themselves is left out."""
    me = staff_of(viewer)
    rows = probation_list(viewer=viewer).filter(probation_due_q(today=today))
    if me is not None:
        rows = rows.exclude(staff=me)
    return rows


def probation_reminder_recipients(probation: Probation) -> list[str]:
    """Who must evaluate: the leader's line manager and the HR officers of their entity (a scope on it or on
    an entity above it; the tree is at most three deep); central HR when the entity has no HR officer."""
    entity = probation.staff.entity
    chain = [entity.pk, entity.parent_id]
    if entity.parent_id is not None:
        chain.append(entity.parent.parent_id)
    hr = set(
        HrOfficerScope.objects.filter(entity_id__in=[pk for pk in chain if pk], user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if not hr:
        hr = set(User.objects.filter(is_central_hr=True, is_active=True).values_list("email", flat=True))
    manager = probation.staff.line_manager
    return sorted(hr | ({manager.email} if manager is not None else set()))


def selection_figures_by_year() -> list[dict]:
    """Per year: selections opened and their candidates (internal/external, admissible under the six-year rule
    or not, appointed), and probations started with their outcome. Two aggregate queries whatever the size."""
    admissible = [Candidate.Status.ADMISSIBLE, Candidate.Status.APPOINTED, Candidate.Status.NOT_APPOINTED]
    selections = (
        Selection.objects.annotate(year=ExtractYear("opens_on"))
        .values("year")
        .annotate(
            selections=Count("id", distinct=True),
            candidate_count=Count("candidates"),
            internal=Count("candidates", filter=Q(candidates__staff__isnull=False)),
            external=Count("candidates", filter=Q(candidates__staff__isnull=True)),
            admissible=Count("candidates", filter=Q(candidates__status__in=admissible)),
            not_admissible=Count("candidates", filter=Q(candidates__status=Candidate.Status.NOT_ADMISSIBLE)),
            appointed=Count("candidates", filter=Q(candidates__status=Candidate.Status.APPOINTED)),
        )
        .order_by()
    )
    probations = (
        Probation.objects.annotate(year=ExtractYear("starts_on"))
        .values("year")
        .annotate(
            probations=Count("id"),
            running=Count("id", filter=Q(outcome=Probation.Outcome.PENDING)),
            positive=Count("id", filter=Q(outcome=Probation.Outcome.POSITIVE)),
            negative=Count("id", filter=Q(outcome=Probation.Outcome.NEGATIVE)),
        )
        .order_by()
    )
    by_year: dict[int, dict] = {}
    for row in [*selections, *probations]:
        if "candidate_count" in row:  # not "candidates": that name is the relation the counts go through
            row["candidates"] = row.pop("candidate_count")
        by_year.setdefault(row["year"], {}).update(row)
    keys = [*SELECTION_FIGURES, *PROBATION_FIGURES]
    return [{"year": year, **{key: by_year[year].get(key, 0) for key in keys}} for year in sorted(by_year)]


SELECTION_FIGURES = ["selections", "candidates", "internal", "external", "admissible", "not_admissible", "appointed"]
PROBATION_FIGURES = ["probations", "running", "positive", "negative"]
