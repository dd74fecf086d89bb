"""Reads of the marketplace for a viewer; the market-maker figures are aggregated in the database."""

from datetime import timedelta

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from hrportal.catalogue import catalogue_with
from hrportal.models import Competency, Staff
from hrportal.parameters.selectors import parameter
from hrportal.roles import Role, roles_of, staff_of
from hrportal.scoping import staff_scope_q, team_ids_sql
from mobility.marketplace.permissions import applications_visible_to, offers_visible_to, requests_visible_to
from mobility.models import (
    Assignment,
    Match,
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)


def _me_id(user):
    me = staff_of(user)
    return me.pk if me is not None else None


def offer_list_own(*, viewer) -> QuerySet[TalentOffer]:
    return (
        TalentOffer.objects.filter(staff_id=_me_id(viewer))
        .annotate(match_count=Count("matches", distinct=True))
        .prefetch_related(Prefetch("competencies", TalentOfferCompetency.objects.select_related("competency")))
        .order_by("-changed_at")
    )


def offer_list(*, viewer) -> QuerySet[TalentOffer]:
    return (
        offers_visible_to(viewer)
        .select_related("staff", "staff__entity")
        .prefetch_related(Prefetch("competencies", TalentOfferCompetency.objects.select_related("competency")))
        .order_by("-changed_at", "-id")
    )


def offer_list_in_scope(*, viewer) -> QuerySet[TalentOffer]:
    """Offers of the staff in one's scope (team, HR entities; everyone for central HR), not one's own."""
    return (
        TalentOffer.objects.filter(staff_scope_q(viewer, prefix="staff__"))
        .exclude(staff_id=_me_id(viewer))
        .select_related("staff", "staff__entity")
        .prefetch_related(Prefetch("competencies", TalentOfferCompetency.objects.select_related("competency")))
        .order_by("-changed_at", "-id")
    )


def request_list(*, viewer) -> QuerySet[TalentRequest]:
    return (
        requests_visible_to(viewer)
        .select_related("owner", "entity")
        .prefetch_related(Prefetch("competencies", TalentRequestCompetency.objects.select_related("competency")))
        .order_by("closing_date", "-id")
    )


def request_list_own(*, viewer) -> QuerySet[TalentRequest]:
    return (
        TalentRequest.objects.filter(owner_id=_me_id(viewer))
        .select_related("entity")
        .annotate(match_count=Count("matches", distinct=True))
        .order_by("-changed_at")
    )


def candidates_for_request(*, request: TalentRequest) -> QuerySet[Match]:
    """Ranked candidates of a request (the caller checked that the viewer may see them). The page and the
    API read what they show of the offer and its staff member as columns of the match, CANDIDATE_COLUMNS,
    on the page's rows only (`PageColumnsPaginator`): one object per row, not four (match, offer, staff
    member, entity), and a count that joins nothing."""
    return Match.objects.filter(request=request).order_by("-score", "offer_id")


# What the candidates page and API read of the request itself: its title, and who may see the candidates.
CANDIDATES_REQUEST_FIELDS = ("id", "title", "owner", "status")

CANDIDATE_COLUMNS = {
    "offer_title": F("offer__title"),
    "offer_staff_id": F("offer__staff_id"),
    "offer_time_share_percent": F("offer__time_share_percent"),
    "offer_start": F("offer__start"),
    "offer_end": F("offer__end"),
    "staff_name": Staff.full_name_expression("offer__staff__"),
    "entity_name": F("offer__staff__entity__name"),
}


def matches_for_provider(*, viewer) -> QuerySet[Match]:
    """'For you': the requests matched with one's own active offers, best first."""
    return (
        Match.objects.filter(offer__staff_id=_me_id(viewer), offer__status=TalentOffer.Status.ACTIVE)
        .select_related("request", "request__entity", "request__owner", "offer")
        .order_by("-score", "request_id")
    )


def application_status_by_pair(*, request_ids, offer_ids) -> dict[str, str]:
    """The live or latest application status per "request-offer" pair shown on a list (one query)."""
    rows = (
        TalentApplication.objects.filter(request_id__in=set(request_ids), offer_id__in=set(offer_ids))
        .order_by("created_at")
        .values_list("request_id", "offer_id", "status")
    )
    labels = dict(TalentApplication.Status.choices)
    return {f"{r}-{o}": labels[status] for r, o, status in rows}


def competency_names(ids) -> dict[int, Competency]:
    """The competencies of `ids` by id, from the catalogue as this process read it last (a candidates page
    named the competencies of its explanations with a query of its own)."""
    ids = set(ids)
    competencies = catalogue_with(Competency, ids)
    return {pk: competencies[pk] for pk in ids if pk in competencies}


def explanation_competency_ids(matches) -> set[int]:
    ids = set()
    for match in matches:
        for row in match.explanation.get("required", []) + match.explanation.get("nice", []):
            ids.add(row["competency"])
    return ids


def application_list(*, viewer) -> QuerySet[TalentApplication]:
    return applications_visible_to(viewer).select_related(
        "offer", "offer__staff", "request", "request__owner", "request__entity"
    )


def applications_by_role(*, viewer) -> dict[str, QuerySet]:
    me = _me_id(viewer)
    base = application_list(viewer=viewer).order_by("-created_at")
    # the latest hundred of each: a page stays bounded whatever someone's history
    return {
        "provider": base.filter(offer__staff_id=me)[:100],
        "requester": base.filter(request__owner_id=me)[:100],
        "consent": base.filter(
            status=TalentApplication.Status.AWAITING_CONSENT, offer__staff_id__in=team_ids_sql(me or 0)
        )[:100],
    }


def assignment_list(*, viewer) -> QuerySet[Assignment]:
    me = _me_id(viewer)
    visible = applications_visible_to(viewer).values("pk")
    return (
        Assignment.objects.filter(Q(application__in=visible) | Q(staff_id=me) | Q(request__owner_id=me))
        .select_related("staff", "request", "request__entity", "offer")
        .order_by("-start", "-id")
    )


def action_counts(*, viewer) -> dict[str, int]:
    """What waits for this person; one aggregate query."""
    me = _me_id(viewer)
    if me is None:
        return {"consent": 0, "decide": 0, "invited": 0}
    status = TalentApplication.Status
    team = Q(offer__staff_id__in=team_ids_sql(me)) if Role.MANAGER in roles_of(viewer) else Q(pk__in=[])
    return TalentApplication.objects.filter(team | Q(request__owner_id=me) | Q(offer__staff_id=me)).aggregate(
        consent=Count("pk", filter=Q(status=status.AWAITING_CONSENT) & team),
        decide=Count("pk", filter=Q(status=status.CONSENTED, request__owner_id=me)),
        invited=Count("pk", filter=Q(status=status.INVITED, offer__staff_id=me)),
    )


def market_overview(*, today=None) -> dict:
    """The market maker's page: supply and demand per competency, requests without candidates, time to first match."""
    today = today or timezone.localdate()
    flag_days = int(parameter("mobility.marketplace.unanswered_days_flag", on=today))
    supply = dict(
        TalentOfferCompetency.objects.filter(offer__status=TalentOffer.Status.ACTIVE, offer__end__gte=today)
        .values_list("competency_id")
        .annotate(n=Count("offer_id"))
    )
    demand = dict(
        TalentRequestCompetency.objects.filter(
            required=True, request__status=TalentRequest.Status.OPEN, request__end__gte=today
        )
        .values_list("competency_id")
        .annotate(n=Count("request_id"))
    )
    rows = []
    for competency in Competency.objects.select_related("cluster"):
        s, d = supply.get(competency.pk, 0), demand.get(competency.pk, 0)
        rows.append({"competency": competency, "supply": s, "demand": d, "ratio": round(s / d, 1) if d else None})
    open_requests = TalentRequest.objects.filter(status=TalentRequest.Status.OPEN)
    no_candidates = (
        open_requests.filter(~Exists(Match.objects.filter(request=OuterRef("pk"))))
        .select_related("owner", "entity")
        .order_by("created_at")
    )
    flag_before = timezone.now() - timedelta(days=flag_days)
    since = timezone.now() - timedelta(days=365)
    waits = [
        (first - created).total_seconds() / 3600
        for created, first in TalentRequest.objects.filter(created_at__gte=since, first_matched_at__isnull=False)
        .values_list("created_at", "first_matched_at")
        .iterator(chunk_size=5000)
    ]
    waits.sort()
    counts = {
        "active_offers": TalentOffer.objects.filter(status=TalentOffer.Status.ACTIVE).count(),
        "open_requests": open_requests.count(),
        "no_candidates": no_candidates.count(),
        "flagged": no_candidates.filter(created_at__lt=flag_before).count(),
        "running_assignments": Assignment.objects.filter(start__lte=today, end__gte=today).count(),
    }
    return {
        "rows": rows,
        "counts": counts,
        "no_candidates": no_candidates[:50],
        "flag_before": flag_before,
        "flag_days": flag_days,
        "first_match_hours": {
            "requests": len(waits),
            "median": round(waits[len(waits) // 2], 1) if waits else None,
            "mean": round(sum(waits) / len(waits), 1) if waits else None,
        },
    }
