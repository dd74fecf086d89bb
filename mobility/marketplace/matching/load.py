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
from mobility.marketplace.matching.market import Offers, Requests
from mobility.models import TalentOffer, TalentOfferCompetency, TalentRequest, TalentRequestCompetency

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


# One request's candidates with their score bound computed in SQL, the same integers as the engine's
# `_Bounds`: f12 = 12 x the fit, nice = how many nice-to-haves offered; key = 70·m'·f12 + 120·n·nice
# (m' = max(m, 1); no nice-to-haves: 70·f12) and bound = (key + D/2) / D + extra with D = 12·n·m'.
_BOUNDED = """
SELECT o.id, o.staff_id, {home}, CASE WHEN o."where" = %(own)s THEN 1 ELSE 0 END, o."start", o."end",
       o.time_share_percent, ({key} + %(half)s) / %(d)s + %(extra)s AS bound
FROM (
    SELECT oc.offer_id,
           SUM(CASE WHEN rc.required THEN (CASE WHEN oc.level < rc.level THEN oc.level ELSE rc.level END)
                                          * (12 / rc.level) ELSE 0 END) AS f12,
           SUM(CASE WHEN rc.required THEN 0 ELSE 1 END) AS nice
    FROM {request_competency} rc
    JOIN {offer_competency} oc ON oc.competency_id = rc.competency_id
    JOIN {offer} a ON a.id = oc.offer_id
    WHERE rc.request_id = %(request)s AND a.status = %(active)s AND a."end" >= %(today)s
      AND a."start" <= %(end)s AND a."end" >= %(start)s AND a.time_share_percent >= %(share)s
      AND a.staff_id <> %(owner)s
    GROUP BY oc.offer_id
) b
JOIN {offer} o ON o.id = b.offer_id JOIN {staff} s ON s.id = o.staff_id JOIN {entity} e ON e.id = s.entity_id
WHERE b.f12 > 0 AND (o."where" <> %(own)s OR {home} = %(home)s)
  AND ({key} + %(half)s) / %(d)s + %(extra)s >= %(at_least)s
ORDER BY bound DESC, o.id
"""


def bounded_offers(market: Requests, r: int, today: date, *, at_least: int, limit: int | None):
    """The offers eligible for request r whose score bound reaches `at_least`, highest bound first, then
    oldest, at most `limit`; with their levels of the request's competencies. Returns the offers and the
    bound of each (in the same order as `Offers` keeps them: by id)."""
    n, m = max(len(market.required[r]), 1), len(market.nice[r])
    denominator = 12 * n * max(m, 1)
    key = f"({70 * max(m, 1)} * b.f12 + {120 * n} * b.nice)" if m else "(70 * b.f12)"
    home = "CASE WHEN e.kind = 'division' THEN COALESCE(e.parent_id, -1) ELSE e.id END"
    sql = _BOUNDED.format(
        home=home,
        key=key,
        offer=TalentOffer._meta.db_table,
        offer_competency=TalentOfferCompetency._meta.db_table,
        request_competency=TalentRequestCompetency._meta.db_table,
        staff=Staff._meta.db_table,
        entity=Entity._meta.db_table,
    ) + (f" LIMIT {int(limit)}" if limit else "")
    params = {
        "own": TalentOffer.Where.OWN_ENTITY,
        "active": TalentOffer.Status.ACTIVE,
        "half": denominator // 2,
        "d": denominator,
        "extra": 20 if m else 30,
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
        rows = cursor.fetchall()
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
