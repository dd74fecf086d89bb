"""Matching talent offers with talent requests.

Candidates are pruned in SQL (active offers sharing at least one required competency, overlapping
period, enough time share), then scored in memory through an inverted index competency -> offers. Only
the best `mobility.marketplace.candidates_per_request` candidates scoring at least
`mobility.marketplace.min_match_score` are stored; a refresh replaces the rows of what changed.

Score (0-100): 70 for the required competencies (each covered one counts fully when the offered level
reaches the required level, in proportion otherwise), 10 for the nice-to-have ones (10 when there are
none), 20 for the share of the request's period the offer covers.
"""

import heapq
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Count, Min
from django.utils import timezone

from hrportal.models import Entity
from hrportal.parameters.selectors import snapshot
from mobility.models import Match, TalentOffer, TalentOfferCompetency, TalentRequest, TalentRequestCompetency

REQUIRED_WEIGHT, NICE_WEIGHT, PERIOD_WEIGHT = 70, 10, 20
PARAMETER_KEYS = ["mobility.marketplace.min_match_score", "mobility.marketplace.candidates_per_request"]


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
    # A division belongs to its entity: "own entity" compares the entity, not the division.
    return parent_id if kind == Entity.Kind.DIVISION else entity_id


def _load_offers(queryset) -> tuple[dict[int, OfferData], dict[int, list]]:
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
    for oid, staff_id, entity_id, kind, parent_id, where, start, end, share in rows.iterator(chunk_size=5000):
        offers[oid] = OfferData(
            oid, staff_id, _home(entity_id, kind, parent_id), where == TalentOffer.Where.OWN_ENTITY, start, end, share
        )
    index: dict[int, list] = {}
    comp_rows = TalentOfferCompetency.objects.filter(offer__in=queryset.values("id")).values_list(
        "offer_id", "competency_id", "level"
    )
    for oid, cid, level in comp_rows.iterator(chunk_size=10000):
        offer = offers.get(oid)
        if offer is None:
            continue
        offer.competencies[cid] = level
        index.setdefault(cid, []).append((oid, level))
    return offers, index


def _load_requests(queryset) -> list[RequestData]:
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
    """What a person reads next to a match: the stored facts, rendered as sentences by the templates."""
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


def _parameters(today: date) -> tuple[int, int, dict]:
    used = snapshot(PARAMETER_KEYS, on=today)
    values = used["values"]
    return (
        int(values["mobility.marketplace.min_match_score"]),
        int(values["mobility.marketplace.candidates_per_request"]),
        used,
    )


def _active_offers(today: date):
    return TalentOffer.objects.filter(status=TalentOffer.Status.ACTIVE, end__gte=today)


def _open_requests(today: date):
    return TalentRequest.objects.filter(status=TalentRequest.Status.OPEN, end__gte=today, closing_date__gte=today)


def _match_rows(requests, offers, index, *, keep, min_score, now) -> list[Match]:
    rows = []
    for request in requests:
        for value, oid in rank(request, offers, index, keep=keep, min_score=min_score):
            rows.append(
                Match(
                    request_id=request.id,
                    offer_id=oid,
                    score=value,
                    explanation=explanation(request, offers[oid]),
                    computed_at=now,
                )
            )
    return rows


def _insert(rows: list[Match]) -> None:
    """Write matches: COPY on PostgreSQL (the full rematch writes about 100,000 rows), bulk INSERT elsewhere."""
    if connection.vendor != "postgresql":
        Match.objects.bulk_create(rows, batch_size=2000)
        return
    columns = "request_id, offer_id, score, explanation, computed_at"
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {Match._meta.db_table} ({columns}) FROM STDIN") as copy,
    ):
        encode = DjangoJSONEncoder().encode
        for m in rows:
            copy.write_row((m.request_id, m.offer_id, m.score, encode(m.explanation), m.computed_at))


def _mark_first_matched(request_ids, now) -> None:
    TalentRequest.objects.filter(
        pk__in=Match.objects.filter(request_id__in=request_ids).values("request_id"), first_matched_at__isnull=True
    ).update(first_matched_at=now)


def match_rematch_all(*, today: date | None = None) -> dict:
    """The nightly full rematch: every open request against every active offer, in one transaction."""
    today = today or timezone.localdate()
    now = timezone.now()
    min_score, keep, _used = _parameters(today)
    offers, index = _load_offers(_active_offers(today))
    requests = _load_requests(_open_requests(today))
    rows = _match_rows(requests, offers, index, keep=keep, min_score=min_score, now=now)
    with transaction.atomic():
        Match.objects.all().delete()
        _insert(rows)
        _mark_first_matched([r.id for r in requests], now)
    return {"requests": len(requests), "offers": len(offers), "matches": len(rows)}


def match_refresh_requests(*, request_ids: list[int], today: date | None = None) -> int:
    """Replace the matches of these requests (new, changed, paused or closed ones)."""
    today = today or timezone.localdate()
    now = timezone.now()
    min_score, keep, _used = _parameters(today)
    requests = [r for r in _load_requests(_open_requests(today).filter(pk__in=request_ids)) if r.required]
    rows = []
    if requests:
        wanted = {cid for r in requests for cid, _lvl in r.required}
        candidates = _active_offers(today).filter(
            start__lte=max(r.end for r in requests),
            end__gte=min(r.start for r in requests),
            time_share_percent__gte=min(r.share for r in requests),
            pk__in=TalentOfferCompetency.objects.filter(competency_id__in=wanted).values("offer_id"),
        )
        offers, index = _load_offers(candidates)
        rows = _match_rows(requests, offers, index, keep=keep, min_score=min_score, now=now)
    with transaction.atomic():
        Match.objects.filter(request_id__in=request_ids).delete()
        _insert(rows)
        _mark_first_matched(request_ids, now)
    return len(rows)


def match_refresh_offers(*, offer_ids: list[int], today: date | None = None) -> int:
    """Replace the matches of these offers: they join a request's list when they beat its last kept
    candidate; a full list that loses one of them is ranked again, so the next candidate moves up."""
    today = today or timezone.localdate()
    now = timezone.now()
    min_score, keep, _used = _parameters(today)
    offers, index = _load_offers(_active_offers(today).filter(pk__in=offer_ids))
    with transaction.atomic():
        losing = Match.objects.filter(request_id__in=Match.objects.filter(offer_id__in=offer_ids).values("request_id"))
        full = {
            row["request_id"]
            for row in losing.values("request_id").annotate(n=Count("id")).order_by()
            if row["n"] >= keep
        }
        Match.objects.filter(offer_id__in=offer_ids).delete()
        if not offers:
            _refill(full, today)
            return 0
        wanted = set(index)
        requests = _load_requests(
            _open_requests(today).filter(
                start__lte=max(o.end for o in offers.values()),
                end__gte=min(o.start for o in offers.values()),
                time_share_percent__lte=max(o.share for o in offers.values()),
                pk__in=TalentRequestCompetency.objects.filter(competency_id__in=wanted, required=True).values(
                    "request_id"
                ),
            )
        )
        rows = _match_rows(requests, offers, index, keep=keep, min_score=min_score, now=now)
        stats = {
            row["request_id"]: (row["n"], row["low"])
            for row in Match.objects.filter(request_id__in={m.request_id for m in rows})
            .values("request_id")
            .annotate(n=Count("id"), low=Min("score"))
        }
        kept = [m for m in rows if stats.get(m.request_id, (0, 0))[0] < keep or m.score > stats[m.request_id][1]]
        _insert(kept)
        added: dict[int, int] = {}
        for m in kept:
            added[m.request_id] = added.get(m.request_id, 0) + 1
        for request_id, extra in added.items():
            if stats.get(request_id, (0, 0))[0] + extra > keep:
                surplus = Match.objects.filter(request_id=request_id).order_by("-score", "offer_id")[keep:]
                Match.objects.filter(pk__in=list(surplus.values_list("pk", flat=True))).delete()
        _mark_first_matched(list(added), now)
        _refill(full - set(added), today)
    return len(kept)


def _refill(request_ids: set[int], today: date) -> None:
    """A full list that lost one of these offers may now admit the next candidate: rank it again."""
    if request_ids:
        match_refresh_requests(request_ids=sorted(request_ids), today=today)


def match_refresh_request(*, request_id: int) -> int:
    return match_refresh_requests(request_ids=[request_id])


def match_refresh_offer(*, offer_id: int) -> int:
    return match_refresh_offers(offer_ids=[offer_id])
