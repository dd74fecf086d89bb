"""The market from the database, in a few queries, straight into arrays.

Rows are fetched with the cursor (no model instances, no per-row Python beyond the driver's tuples);
dates become day numbers in numpy. A full rematch reads every active offer and open request; a refresh
reads the request(s) or offer that changed and the candidates SQL can already tell apart (sharing a
required competency, overlapping period, enough time share), with only the competencies it scores.
"""

from datetime import date

import numpy as np
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce

from hrportal.models import Entity, Staff
from mobility.marketplace.matching.engine import score_bound, score_bound_sql
from mobility.marketplace.matching.market import Offers, Requests
from mobility.models import Match, TalentOffer, TalentOfferCompetency, TalentRequest, TalentRequestCompetency

_EPOCH = date(1970, 1, 1).toordinal()


def _home(prefix: str):
    """An entity's home for "own entity": a division belongs to its parent entity (-1 when there is none)."""
    return Coalesce(
        Case(
            When(**{f"{prefix}__kind": Entity.Kind.DIVISION}, then=F(f"{prefix}__parent_id")),
            default=F(f"{prefix}_id"),
            output_field=IntegerField(),
        ),
        Value(-1),
    )


def _fetch(queryset: QuerySet) -> list[tuple]:
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # e.g. `pk__in=[]`: nothing to ask
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _days(values) -> np.ndarray:
    """Dates (objects on PostgreSQL, ISO text on SQLite) as day numbers (`date.toordinal()`)."""
    return np.array(values, dtype="datetime64[D]").astype(np.int64) + _EPOCH


def _columns(rows: list[tuple], width: int) -> list:
    return list(zip(*rows, strict=True)) if rows else [()] * width


def active_offers(today: date) -> QuerySet[TalentOffer]:
    return TalentOffer.objects.filter(status=TalentOffer.Status.ACTIVE, end__gte=today)


def open_requests(today: date) -> QuerySet[TalentRequest]:
    return TalentRequest.objects.filter(status=TalentRequest.Status.OPEN, end__gte=today, closing_date__gte=today)


def offers(queryset: QuerySet[TalentOffer], *, competencies: set[int] | None = None) -> Offers:
    """The offers of `queryset` with their competencies (only `competencies` when given)."""
    rows = _fetch(
        queryset.order_by()
        .annotate(
            home=_home("staff__entity"),
            own=Case(When(where=TalentOffer.Where.OWN_ENTITY, then=1), default=0, output_field=IntegerField()),
        )
        .values_list("id", "staff_id", "home", "own", "start", "end", "time_share_percent")
    )
    ids, staff, home, own, start, end, share = _columns(rows, 7)
    table = np.column_stack(
        [np.array(c, dtype=np.int64) for c in (ids, staff, home, own)]
        + [_days(start), _days(end), np.array(share, dtype=np.int64)]
    ).reshape(-1, 7)
    competency_rows = TalentOfferCompetency.objects.filter(offer__in=queryset.values("pk")).order_by()
    if competencies is not None:
        competency_rows = competency_rows.filter(competency_id__in=competencies)
    return Offers.build(table, _fetch(competency_rows.values_list("offer_id", "competency_id", "level")))


def requests(queryset: QuerySet[TalentRequest]) -> Requests:
    """The requests of `queryset` with their competencies, in the order the explanation lists them."""
    rows = _fetch(
        queryset.order_by()
        .annotate(home=_home("entity"))
        .values_list("id", "owner_id", "home", "start", "end", "time_share_percent")
    )
    ids, owner, home, start, end, share = _columns(rows, 6)
    table = list(
        zip(ids, owner, home, _days(start).tolist(), _days(end).tolist(), share, strict=True)
    )  # fmt: skip
    competency_rows = (
        TalentRequestCompetency.objects.filter(request__in=queryset.values("pk"))
        .order_by("request_id", "-required", "competency__name", "competency_id")
        .values_list("request_id", "competency_id", "level", "required")
    )
    return Requests.build(table, [(r, c, lvl, bool(req)) for r, c, lvl, req in _fetch(competency_rows)])


def candidate_offers(market: Requests, today: date) -> Offers:
    """Active offers that can match at least one of these requests, as far as SQL can tell: sharing a
    required competency, overlapping the periods, offering enough time; with the requests' competencies."""
    required = {cid for items in market.required for cid, _level in items}
    wanted = required | {cid for items in market.nice for cid, _level in items}
    if not required:
        return offers(TalentOffer.objects.none())
    queryset = active_offers(today).filter(
        start__lte=date.fromordinal(int(market.end.max())),
        end__gte=date.fromordinal(int(market.start.min())),
        time_share_percent__gte=int(market.share.min()),
        pk__in=TalentOfferCompetency.objects.filter(competency_id__in=required).values("offer_id"),
    )
    return offers(queryset, competencies=wanted)


def candidate_requests(offer: Offers, today: date) -> QuerySet[TalentRequest]:
    """Open requests the single offer in `offer` can match, as far as SQL can tell."""
    start, end = date.fromordinal(int(offer.start[0])), date.fromordinal(int(offer.end[0]))
    queryset = (
        open_requests(today)
        .filter(
            start__lte=end,
            end__gte=start,
            time_share_percent__lte=int(offer.share[0]),
            pk__in=TalentRequestCompetency.objects.filter(competency_id__in=list(offer.column), required=True).values(
                "request_id"
            ),
        )
        .exclude(owner_id=int(offer.staff[0]))
    )
    return queryset


# The requests among `candidate_requests` whose list the single offer can enter or is in: its score bound
# for the request (`score_bound`, with the request's n required and m nice-to-haves counted per group)
# reaches the minimum score and the list's lowest score (one index entry: a full list's last), or the
# list is not full (read only when the bound falls short), or the offer is listed there.
_REACHABLE = """
SELECT b.request_id FROM (
    SELECT rc.request_id,
           SUM(CASE WHEN rc.required THEN 1 ELSE 0 END) AS n,
           SUM(CASE WHEN rc.required THEN 0 ELSE 1 END) AS m,
           {f12} AS f12,
           SUM(CASE WHEN rc.required THEN 0 WHEN o.level IS NULL THEN 0 ELSE 1 END) AS nice
    FROM {request_competency} rc LEFT JOIN ({offered}) o ON o.competency_id = rc.competency_id
    WHERE rc.request_id IN ({candidates})
    GROUP BY rc.request_id
) b
WHERE b.n > 0 AND {bound} >= %s
  AND ({bound} >= COALESCE((SELECT l.score FROM {match} l WHERE l.request_id = b.request_id
                             ORDER BY l.score LIMIT 1), 0)
       OR NOT EXISTS (SELECT 1 FROM {match} l WHERE l.request_id = b.request_id LIMIT 1 OFFSET %s)
       OR EXISTS (SELECT 1 FROM {match} l WHERE l.request_id = b.request_id AND l.offer_id = %s))
"""


def reachable_requests(offer: Offers, today: date, *, min_score: int, keep: int) -> QuerySet[TalentRequest]:
    """`candidate_requests` narrowed to the requests whose list the single offer in `offer` can join or
    is listed in (`_REACHABLE`): a strong offer in a large market is scored against the lists it may
    enter, not against every open request that shares one of its competencies."""
    candidates = candidate_requests(offer, today)
    levels = offer.levels[:, 0]
    offered = [(cid, int(levels[column])) for cid, column in offer.column.items() if levels[column]]
    if keep <= 0 or not offered:
        return candidates
    try:
        candidate_sql, candidate_params = candidates.values("pk").query.sql_with_params()
    except EmptyResultSet:
        return candidates.none()
    sql = _REACHABLE.format(
        request_competency=TalentRequestCompetency._meta.db_table,
        offered=" UNION ALL ".join(["SELECT %s AS competency_id, %s AS level"] * len(offered)),
        candidates=candidate_sql,
        f12=_fit12_sum("COALESCE(o.level, 0)"),
        bound=score_bound_sql("b.n", "b.m", "b.f12", "b.nice"),
        match=Match._meta.db_table,
    )
    params = [value for pair in offered for value in pair] + list(candidate_params)
    params += [min_score, keep - 1, int(offer.ids[0])]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    return TalentRequest.objects.filter(pk__in=ids)


# One request's candidates with their score bound computed in SQL (`score_bound`: f12 = 12 x the fit,
# nice = how many nice-to-haves offered).
# The offers' own conditions are checked in the aggregate (one pass over the offer rows); an offer for
# its own entity only is kept when its holder works in the request's home; the holder's home is read
# for the kept rows only. `{offers}` narrows it to a tier of offers (`_tier`).
_BOUNDED = """
SELECT t.id, t.staff_id, {home}, t.own, t.starts, t.ends, t.share, t.bound
FROM (
    SELECT a.id, a.staff_id, CASE WHEN a."where" = %(own)s THEN 1 ELSE 0 END AS own, a."start" AS starts,
           a."end" AS ends, a.time_share_percent AS share, {bound} AS bound
    FROM {request_competency} rc
    JOIN {offer_competency} oc ON oc.competency_id = rc.competency_id
    JOIN {offer} a ON a.id = oc.offer_id
    WHERE rc.request_id = %(request)s AND oc.competency_id IN ({competencies}) {offers}
      AND a.status = %(active)s AND a."end" >= %(today)s AND a."start" <= %(end)s AND a."end" >= %(start)s
      AND a.time_share_percent >= %(share)s AND a.staff_id <> %(owner)s
      AND (a."where" <> %(own)s OR a.staff_id IN (
          SELECT hs.id FROM {staff} hs JOIN {entity} he ON he.id = hs.entity_id WHERE {home_of_he} = %(home)s))
    GROUP BY a.id, a.staff_id, a."where", a."start", a."end", a.time_share_percent
    HAVING {f12} > 0 AND {bound} >= %(at_least)s
    ORDER BY bound DESC, a.id
    {limit}
) t
JOIN {staff} s ON s.id = t.staff_id JOIN {entity} e ON e.id = s.entity_id
ORDER BY t.bound DESC, t.id
"""


def _fit12_sum(offered: str) -> str:
    """12 x the fit over a request's competency rows `rc`, for an offered level given as SQL."""
    return (
        f"SUM(CASE WHEN rc.required THEN (CASE WHEN {offered} < rc.level THEN {offered} ELSE rc.level END)"
        " * (12 / rc.level) ELSE 0 END)"
    )


_F12 = _fit12_sum("oc.level")
_NICE = "SUM(CASE WHEN rc.required THEN 0 ELSE 1 END)"

# The tier is used when it holds at most this many offers (past that, reading it saves little).
TIER_MAX = 5000


def _home_sql(alias: str) -> str:
    return f"CASE WHEN {alias}.kind = 'division' THEN COALESCE({alias}.parent_id, -1) ELSE {alias}.id END"


def outside_tier_bound(market: Requests, r: int) -> int:
    """The highest bound an offer can have when it does not reach the wanted level of every required
    competency of request r: it falls short on one at least, by 12 / level twelfths at the least (the
    highest wanted level costs least), and offers every nice-to-have."""
    required, m = market.required[r], len(market.nice[r])
    n = len(required)
    return score_bound(n, m, 12 * n - min(12 // level for _cid, level in required), m)


def _tier(market: Requests, r: int) -> list[int] | None:
    """The offers (any status) that reach the wanted level of every required competency of request r,
    read from the (competency, level) index; None when there are more than TIER_MAX."""
    required = market.required[r]
    parts = " INTERSECT ".join(
        f"SELECT offer_id FROM {TalentOfferCompetency._meta.db_table} WHERE competency_id = %s AND level >= %s"
        for _ in required
    )
    params = [value for cid, level in required for value in (int(cid), int(level))]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT offer_id FROM ({parts}) tier LIMIT {TIER_MAX + 1}", params)
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) <= TIER_MAX else None


def bounded_offers(market: Requests, r: int, today: date, *, at_least: int, limit: int | None):
    """The offers eligible for request r whose score bound reaches `at_least`, highest bound first, then
    oldest, at most `limit`; with their levels of the request's competencies. Returns the offers, the
    bound of each (in the same order as `Offers` keeps them: by id) and how many were found.

    The offers that reach every wanted level of the required competencies (the tier) are read first:
    every other offer's bound is at most `outside_tier_bound`, so when the tier gives `limit` offers
    above it, or `at_least` is above it, the tier's answer is the whole answer; otherwise every offer
    sharing a competency with the request is aggregated. A tenth of the rows, in a large market."""
    if not market.required[r]:
        rows = []  # nothing to share: no offer can match (the engine agrees)
    else:
        rows = None
        outside = outside_tier_bound(market, r)
        tier = _tier(market, r)
        if tier is not None:
            rows = _bounded_rows(market, r, today, at_least=max(at_least, outside + 1), limit=limit, tier=tier)
            if at_least <= outside and (limit is None or len(rows) < limit):
                rows = None  # offers outside the tier may reach the list: all of them are needed
        if rows is None:
            rows = _bounded_rows(market, r, today, at_least=at_least, limit=limit, tier=None)
    wanted = [cid for cid, _level in market.required[r] + market.nice[r]]
    ids, staff, home_ids, own, start, end, share, bounds = _columns(rows, 8)
    table = np.column_stack(
        [np.array(c, dtype=np.int64) for c in (ids, staff, home_ids, own)]
        + [_days(start), _days(end), np.array(share, dtype=np.int64)]
    ).reshape(-1, 7)
    competency_rows = _fetch(
        TalentOfferCompetency.objects.filter(offer_id__in=list(ids), competency_id__in=wanted)
        .order_by()
        .values_list("offer_id", "competency_id", "level")
    )
    order = np.argsort(np.array(ids, dtype=np.int64), kind="stable")
    return Offers.build(table, competency_rows), np.array(bounds, dtype=np.int64)[order], len(rows)


def _bounded_rows(market: Requests, r: int, today: date, *, at_least: int, limit: int | None, tier):
    """The rows of `_BOUNDED` for request r, among the offers of `tier` when given."""
    n, m = max(len(market.required[r]), 1), len(market.nice[r])
    if tier is not None and not tier:
        return []
    competencies = [int(cid) for cid, _level in market.required[r] + market.nice[r]]
    params = {f"c{i}": cid for i, cid in enumerate(competencies)}
    if tier is None:
        offers = ""
    elif connection.vendor == "postgresql":
        offers, params["tier"] = "AND oc.offer_id = ANY(%(tier)s) AND a.id = ANY(%(tier)s)", list(tier)
    else:
        offers = f"AND oc.offer_id IN ({', '.join(f'%(t{i})s' for i in range(len(tier)))})"
        params.update({f"t{i}": int(oid) for i, oid in enumerate(tier)})
    sql = _BOUNDED.format(
        home=_home_sql("e"),
        home_of_he=_home_sql("he"),
        bound=score_bound_sql(str(n), str(m), _F12, _NICE),
        f12=_F12,
        competencies=", ".join(f"%(c{i})s" for i in range(len(competencies))),
        offers=offers,
        limit=f"LIMIT {int(limit)}" if limit else "",
        offer=TalentOffer._meta.db_table,
        offer_competency=TalentOfferCompetency._meta.db_table,
        request_competency=TalentRequestCompetency._meta.db_table,
        staff=Staff._meta.db_table,
        entity=Entity._meta.db_table,
    )
    params |= {
        "own": TalentOffer.Where.OWN_ENTITY,
        "active": TalentOffer.Status.ACTIVE,
        "request": int(market.ids[r]),
        "today": today,
        "start": date.fromordinal(int(market.start[r])),
        "end": date.fromordinal(int(market.end[r])),
        "share": int(market.share[r]),
        "owner": int(market.owner[r]),
        "home": int(market.home[r]),
        "at_least": at_least,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
