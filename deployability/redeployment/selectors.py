"""Reads of redeployment: lists for a viewer, the ranking of a vacancy's candidates, the report's figures."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.utils.translation import gettext as _

from deployability.redeployment.models import (
    GRADE_ORDER,
    GRADE_RANK,
    GuidanceTrajectory,
    Offer,
    RedeploymentCandidate,
    Vacancy,
    VacancyCompetency,
)
from deployability.redeployment.permissions import (
    candidates_visible_to,
    offers_visible_to,
    trajectories_visible_to,
    vacancies_visible_to,
)
from hrportal.models import StaffCompetency
from hrportal.parameters.selectors import parameter
from hrportal.roles import staff_of

MAX_REFUSALS = "deployability.redeployment.max_refusals"

# Weights of the fit score (out of 100): competencies 60, grade 20, place 20.
COMPETENCY_POINTS, GRADE_POINTS, PLACE_POINTS, GRADE_STEP_PENALTY = 60, 20, 20, 5


def refusal_limit(*, on: date) -> int:
    return int(parameter(MAX_REFUSALS, on=on))


def own_trajectories(*, viewer):
    me = staff_of(viewer)
    if me is None:
        return GuidanceTrajectory.objects.none()
    return GuidanceTrajectory.objects.filter(staff=me).prefetch_related("steps")


def own_registrations(*, viewer):
    me = staff_of(viewer)
    if me is None:
        return RedeploymentCandidate.objects.none()
    return RedeploymentCandidate.objects.filter(staff=me).select_related("trajectory")


def own_offers(*, viewer):
    me = staff_of(viewer)
    if me is None:
        return Offer.objects.none()
    return Offer.objects.filter(candidate__staff=me).select_related("vacancy__function", "vacancy__entity")


def team_trajectories(*, viewer):
    """Trajectories of the viewer's team and entities (not their own), open first."""
    me = staff_of(viewer)
    qs = trajectories_visible_to(viewer).select_related("staff__entity")
    if me is not None:
        qs = qs.exclude(staff=me)
    return qs.order_by("status", "-started_on", "-id")


def candidate_list(*, viewer, status: str | None = None):
    qs = candidates_visible_to(viewer).select_related("staff__entity")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("status", "-registered_on", "-id")


def vacancy_list(*, viewer, status: str | None = Vacancy.Status.OPEN):
    qs = vacancies_visible_to(viewer).select_related("function", "entity")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-published_on", "-id")


def offer_list(*, viewer, status: str | None = None):
    qs = offers_visible_to(viewer).select_related("candidate__staff__entity", "vacancy__entity")
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-offered_on", "-id")


def trajectories_waiting(*, viewer):
    """Open trajectories the viewer runs as line manager (not their own)."""
    me = staff_of(viewer)
    if me is None:
        return GuidanceTrajectory.objects.none()
    return team_trajectories(viewer=viewer).filter(status=GuidanceTrajectory.Status.OPEN, opened_by=viewer)


# --- Ranking -----------------------------------------------------------------------------------------------


@dataclass
class RankedCandidate:
    candidate: RedeploymentCandidate
    score: int
    reasons: list[str] = field(default_factory=list)
    has_pending_offer: bool = False


def vacancy_candidates_ranked(*, vacancy: Vacancy, viewer, limit: int = 50) -> list[RankedCandidate]:
    """The redeployable candidates the viewer may see for whom the vacancy is an equal or lower grade, ranked by
    fit (competencies against the vacancy's required levels, grade distance, place), each with why.

    Three queries whatever the number of candidates: the requirements, the candidates, their competencies."""
    required = list(
        VacancyCompetency.objects.filter(vacancy=vacancy)
        .select_related("competency")
        .values_list("competency_id", "competency__name", "level")
    )
    grades = GRADE_ORDER[: GRADE_RANK[vacancy.grade] + 1]
    candidates = list(
        candidates_visible_to(viewer)
        .filter(status=RedeploymentCandidate.Status.REDEPLOYABLE, staff__grade__in=grades)
        .select_related("staff__entity", "staff__function")
        .annotate(
            pending=Exists(Offer.objects.filter(candidate=OuterRef("pk"), status=Offer.Status.PENDING)),
        )
    )
    levels: dict[tuple[int, int], int] = {}
    if required and candidates:
        rows = StaffCompetency.objects.filter(
            staff_id__in=[c.staff_id for c in candidates], competency_id__in=[r[0] for r in required]
        ).values_list("staff_id", "competency_id", "level")
        levels = {(staff_id, competency_id): level for staff_id, competency_id, level in rows}
    ranked = []
    vacancy_rank = GRADE_RANK[vacancy.grade]
    for candidate in candidates:
        staff = candidate.staff
        reasons = []
        if required:
            points = 0.0
            met, short, missing = [], [], []
            for competency_id, name, level in required:
                own = levels.get((staff.pk, competency_id), 0)
                points += min(own, level) / level
                if own >= level:
                    met.append(name)
                elif own:
                    short.append(f"{name} ({own}/{level})")
                else:
                    missing.append(name)
            competency_score = round(COMPETENCY_POINTS * points / len(required))
            if met:
                reasons.append(_("Meets: %(list)s") % {"list": ", ".join(met)})
            if short:
                reasons.append(_("Below the required level: %(list)s") % {"list": ", ".join(short)})
            if missing:
                reasons.append(_("Missing: %(list)s") % {"list": ", ".join(missing)})
        else:
            competency_score = COMPETENCY_POINTS
            reasons.append(_("The vacancy lists no required competencies."))
        steps = vacancy_rank - GRADE_RANK[staff.grade]
        grade_score = max(GRADE_POINTS - GRADE_STEP_PENALTY * steps, 0)
        if steps == 0:
            reasons.append(_("Same grade (%(grade)s).") % {"grade": staff.grade})
        else:
            reasons.append(
                _("Own grade %(own)s, %(steps)s step(s) above the vacancy's.") % {"own": staff.grade, "steps": steps}
            )
        place_score = 0
        if candidate.place and candidate.place.strip().casefold() == vacancy.place.strip().casefold():
            place_score = PLACE_POINTS
            reasons.append(_("Works in %(place)s.") % {"place": vacancy.place})
        elif candidate.place:
            reasons.append(
                _("Works in %(place)s, not in %(vacancy)s.") % {"place": candidate.place, "vacancy": vacancy.place}
            )
        ranked.append(
            RankedCandidate(
                candidate=candidate,
                score=competency_score + grade_score + place_score,
                reasons=reasons,
                has_pending_offer=candidate.pending,
            )
        )
    ranked.sort(key=lambda r: (-r.score, r.candidate.staff.last_name, r.candidate.pk))
    return ranked[:limit]


def offerable_vacancies(*, candidate: RedeploymentCandidate):
    """Open vacancies of an equal or lower grade than the candidate's, without a pending offer."""
    grades = GRADE_ORDER[GRADE_RANK[candidate.staff.grade] :]
    return (
        Vacancy.objects.filter(status=Vacancy.Status.OPEN, grade__in=grades)
        .exclude(offers__status=Offer.Status.PENDING)
        .select_related("entity", "function")
        .order_by("-published_on", "-id")
    )


# --- Report figures ------------------------------------------------------------------------------------------


def redeployment_figures_per_entity(*, entity_ids=None) -> list[dict]:
    """Per entity of the candidate: candidates, offers, refusals, placements (ex officio among them) and the
    mean days from registration to placement, aggregated in the database (a fixed number of queries)."""
    candidates = RedeploymentCandidate.objects.all()
    offers = Offer.objects.all()
    if entity_ids is not None:
        candidates = candidates.filter(staff__entity_id__in=entity_ids)
        offers = offers.filter(candidate__staff__entity_id__in=entity_ids)
    per_entity = {
        row["staff__entity__name"]: row
        for row in candidates.values("staff__entity__name").annotate(
            candidates=Count("pk"),
            active=Count("pk", filter=Q(status__in=RedeploymentCandidate.ACTIVE)),
            placed=Count("pk", filter=Q(status=RedeploymentCandidate.Status.PLACED)),
            ex_officio=Count("pk", filter=Q(placed_ex_officio=True)),
            mean_days=Avg(
                ExpressionWrapper(F("placed_on") - F("registered_on"), output_field=DurationField()),
                filter=Q(placed_on__isnull=False),
            ),
        )
    }
    for row in offers.values("candidate__staff__entity__name").annotate(
        offers=Count("pk"), refusals=Count("pk", filter=Q(status=Offer.Status.REFUSED))
    ):
        target = per_entity.setdefault(
            row["candidate__staff__entity__name"], {"staff__entity__name": row["candidate__staff__entity__name"]}
        )
        target["offers"], target["refusals"] = row["offers"], row["refusals"]
    result = []
    for name in sorted(per_entity):
        row = per_entity[name]
        mean = row.get("mean_days")
        result.append(
            {
                "entity": name,
                "candidates": row.get("candidates", 0),
                "active": row.get("active", 0),
                "offers": row.get("offers", 0),
                "refusals": row.get("refusals", 0),
                "placed": row.get("placed", 0),
                "ex_officio": row.get("ex_officio", 0),
                "mean_days_to_placement": _days(mean),
            }
        )
    return result


def _days(value):
    """Avg over a date difference: a timedelta on PostgreSQL, microseconds (or days) on SQLite."""
    if value is None:
        return None
    if hasattr(value, "days"):
        return round(value.total_seconds() / 86400, 1)
    return round(float(value) / 86_400_000_000, 1) if value > 10_000 else round(float(value), 1)
