"""The scalar matching engine as it was before the vectorised one (issue 13), kept as the reference.

`eligible`, `score`, `explanation` and `rank` are the former `mobility/marketplace/matching.py` unchanged;
`reference_rematch` loads the market the way its full rematch did and returns what it would have stored.
Only tests (and nothing in the portal) use this module: it is the oracle the vectorised engine must equal.
"""

import heapq
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from hrportal.models import Entity
from mobility.models import TalentOffer, TalentOfferCompetency, TalentRequest, TalentRequestCompetency

REQUIRED_WEIGHT, NICE_WEIGHT, PERIOD_WEIGHT = 70, 10, 20


@dataclass
class OfferData:
    id: int
    staff_id: int
    home_entity_id: int
    own_entity_only: bool
    start: date
    end: date
    share: int
    competencies: dict = field(default_factory=dict)


@dataclass
class RequestData:
    id: int
    owner_id: int
    home_entity_id: int
    start: date
    end: date
    share: int
    required: list = field(default_factory=list)
    nice: list = field(default_factory=list)


def _home(entity_id, kind, parent_id) -> int:
    return parent_id if kind == Entity.Kind.DIVISION else entity_id


def load_offers(queryset) -> tuple[dict[int, OfferData], dict[int, list]]:
    offers = {}
    rows = queryset.values_list(
        "id",
        "staff_id",
        "staff__entity_id",
        "staff__entity__kind",
        "staff__entity__parent_id",
        "where",
        "start",
        "end",
        "time_share_percent",
    )
    for oid, staff_id, entity_id, kind, parent_id, where, start, end, share in rows:
        offers[oid] = OfferData(
            oid, staff_id, _home(entity_id, kind, parent_id), where == TalentOffer.Where.OWN_ENTITY, start, end, share
        )
    index: dict[int, list] = {}
    comp_rows = TalentOfferCompetency.objects.filter(offer__in=queryset.values("id")).values_list(
        "offer_id", "competency_id", "level"
    )
    for oid, cid, level in comp_rows:
        offer = offers.get(oid)
        if offer is None:
            continue
        offer.competencies[cid] = level
        index.setdefault(cid, []).append((oid, level))
    return offers, index


def load_requests(queryset) -> list[RequestData]:
    requests = {}
    rows = queryset.values_list(
        "id", "owner_id", "entity_id", "entity__kind", "entity__parent_id", "start", "end", "time_share_percent"
    )
    for rid, owner_id, entity_id, kind, parent_id, start, end, share in rows:
        requests[rid] = RequestData(rid, owner_id, _home(entity_id, kind, parent_id), start, end, share)
    comp_rows = TalentRequestCompetency.objects.filter(request__in=queryset.values("id")).values_list(
        "request_id", "competency_id", "level", "required"
    )
    for rid, cid, level, required in comp_rows:
        request = requests.get(rid)
        if request is not None:
            (request.required if required else request.nice).append((cid, level))
    return list(requests.values())


def eligible(request: RequestData, offer: OfferData) -> bool:
    return (
        offer.staff_id != request.owner_id
        and offer.start <= request.end
        and offer.end >= request.start
        and offer.share >= request.share
        and (not offer.own_entity_only or offer.home_entity_id == request.home_entity_id)
    )


def _fit(offered: int | None, wanted: int) -> float:
    if offered is None:
        return 0.0
    return 1.0 if offered >= wanted else offered / wanted


def score(request: RequestData, offer: OfferData, required_fit: float | None = None) -> int:
    if required_fit is None:
        required_fit = sum(_fit(offer.competencies.get(c), lvl) for c, lvl in request.required)
    n = len(request.required) or 1
    nice = (
        NICE_WEIGHT * sum(1 for c, _lvl in request.nice if c in offer.competencies) / len(request.nice)
        if request.nice
        else NICE_WEIGHT
    )
    overlap = (min(offer.end, request.end) - max(offer.start, request.start)).days + 1
    period = PERIOD_WEIGHT * max(overlap, 0) / ((request.end - request.start).days + 1)
    return round(REQUIRED_WEIGHT * required_fit / n + nice + period)


def explanation(request: RequestData, offer: OfferData) -> dict:
    start, end = max(offer.start, request.start), min(offer.end, request.end)
    days = (end - start).days + 1
    return {
        "required": [
            {"competency": c, "level": lvl, "offered": offer.competencies.get(c)} for c, lvl in request.required
        ],
        "nice": [{"competency": c, "level": lvl, "offered": offer.competencies.get(c)} for c, lvl in request.nice],
        "overlap": {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "days": days,
            "percent": round(100 * days / ((request.end - request.start).days + 1)),
        },
        "time_share": {"requested": request.share, "offered": offer.share},
    }


def rank(request: RequestData, offers: dict, index: dict, *, keep: int, min_score: int) -> list[tuple[int, int]]:
    """The best `keep` (score, offer id) for `request`, best first; ties go to the older offer."""
    n = len(request.required)
    if not n:
        return []
    fit: dict[int, float] = {}
    get = fit.get
    for cid, wanted in request.required:
        for oid, level in index.get(cid, ()):
            fit[oid] = get(oid, 0.0) + (1.0 if level >= wanted else level / wanted)
    best: list[tuple[int, int]] = []  # heap of (score, -offer id)
    for oid, required_fit in sorted(fit.items(), key=itemgetter(1), reverse=True):
        upper = REQUIRED_WEIGHT * required_fit / n + NICE_WEIGHT + PERIOD_WEIGHT + 0.5
        if upper < min_score or (len(best) >= keep and upper < best[0][0]):
            break  # sorted by fit: no later candidate can do better
        offer = offers[oid]
        if not eligible(request, offer):
            continue
        value = score(request, offer, required_fit)
        if value < min_score:
            continue
        entry = (value, -oid)
        if len(best) < keep:
            heapq.heappush(best, entry)
        elif entry > best[0]:
            heapq.heapreplace(best, entry)
    return [(value, -neg) for value, neg in sorted(best, reverse=True)]


def reference_rematch(*, today: date, keep: int, min_score: int) -> dict[tuple[int, int], tuple[int, dict]]:
    """What the scalar engine's full rematch stores: (request id, offer id) -> (score, explanation)."""
    offers, index = load_offers(TalentOffer.objects.filter(status=TalentOffer.Status.ACTIVE, end__gte=today))
    requests = load_requests(
        TalentRequest.objects.filter(status=TalentRequest.Status.OPEN, end__gte=today, closing_date__gte=today)
    )
    return {
        (request.id, oid): (value, explanation(request, offers[oid]))
        for request in requests
        for value, oid in rank(request, offers, index, keep=keep, min_score=min_score)
    }


def reference_ranking(*, today: date, keep: int, min_score: int) -> dict[int, list[int]]:
    """Each open request's kept offers, best first, as the scalar engine ranks them."""
    offers, index = load_offers(TalentOffer.objects.filter(status=TalentOffer.Status.ACTIVE, end__gte=today))
    requests = load_requests(
        TalentRequest.objects.filter(status=TalentRequest.Status.OPEN, end__gte=today, closing_date__gte=today)
    )
    ranking = {}
    for request in requests:
        kept = [oid for _value, oid in rank(request, offers, index, keep=keep, min_score=min_score)]
        if kept:
            ranking[request.id] = kept
    return ranking
