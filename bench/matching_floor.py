"""The floor of the matching benchmark: the full rematch's scores computed in memory, nothing written.

A reference implementation kept apart from the portal's engine (it shares no code with
`mobility/marketplace/matching/`): the market in four queries (PostgreSQL, psycopg), then, per block of
requests, blocked sparse products (scipy) for the fit, gathers broadcast over the candidate pairs for
eligibility, nice-to-haves and period, and the top N of each request by one sort of the block. Every
pair that shares a required competency is scored; no bound prunes anything. Its scores follow the rule's
float operations in the rule's order (the fit adds up the required competencies in the request's order:
one sparse product per position, added in that order), so its kept rows must equal the engine's.

    load(cursor, today) -> Market          four queries
    compute(market, keep=, min_score=) -> (request ids, offer ids, scores), best first per request
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
import scipy.sparse as sp

FIT = np.array([[0.0] * 5] + [[0.0] + [1.0 if o >= w else o / w for o in range(1, 5)] for w in range(1, 5)])
EPOCH = date(1970, 1, 1)

OFFERS_SQL = """
SELECT o.id, o.staff_id, CASE WHEN e.kind = 'division' THEN COALESCE(e.parent_id, -1) ELSE e.id END,
       o."where" = 'own_entity', o.start - %(epoch)s, o."end" - %(epoch)s, o.time_share_percent
FROM mobility_talentoffer o JOIN hrportal_staff s ON s.id = o.staff_id JOIN hrportal_entity e ON e.id = s.entity_id
WHERE o.status = 'active' AND o."end" >= %(today)s ORDER BY o.id"""
OFFER_COMPETENCIES_SQL = """
SELECT oc.offer_id, oc.competency_id, oc.level FROM mobility_talentoffercompetency oc
JOIN mobility_talentoffer o ON o.id = oc.offer_id WHERE o.status = 'active' AND o."end" >= %(today)s"""
OPEN = """r.status = 'open' AND r."end" >= %(today)s AND r.closing_date >= %(today)s"""
REQUESTS_SQL = f"""
SELECT r.id, r.owner_id, CASE WHEN e.kind = 'division' THEN COALESCE(e.parent_id, -1) ELSE e.id END,
       r.start - %(epoch)s, r."end" - %(epoch)s, r.time_share_percent
FROM mobility_talentrequest r JOIN hrportal_entity e ON e.id = r.entity_id WHERE {OPEN} ORDER BY r.id"""
REQUEST_COMPETENCIES_SQL = f"""
SELECT rc.request_id, rc.competency_id, rc.level, rc.required FROM mobility_talentrequestcompetency rc
JOIN mobility_talentrequest r ON r.id = rc.request_id JOIN hrportal_competency c ON c.id = rc.competency_id
WHERE {OPEN} ORDER BY rc.request_id, rc.required DESC, c.name, c.id"""


@dataclass
class Market:
    offers: np.ndarray  # (id, staff, home, own entity, start, end, share), sorted by id
    offer_competencies: np.ndarray  # (offer id, competency id, level)
    requests: np.ndarray  # (id, owner, home, start, end, share), sorted by id
    request_competencies: list  # (request id, competency id, level, required), in the explanation's order


def load(cursor, today: date) -> Market:
    params = {"today": today, "epoch": EPOCH}

    def table(sql, width):
        cursor.execute(sql, params)
        return np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, width)

    offers = table(OFFERS_SQL, 7)
    offer_competencies = table(OFFER_COMPETENCIES_SQL, 3)
    requests = table(REQUESTS_SQL, 6)
    cursor.execute(REQUEST_COMPETENCIES_SQL, params)
    return Market(offers, offer_competencies, requests, cursor.fetchall())


def compute(market: Market, *, keep: int, min_score: int, block: int = 256):
    offers, requests = market.offers, market.requests
    n_offers, n_requests = len(offers), len(requests)
    competencies = np.unique(market.offer_competencies[:, 1])
    n_comp = len(competencies)
    o_pos = np.searchsorted(offers[:, 0], market.offer_competencies[:, 0])
    c_pos = np.searchsorted(competencies, market.offer_competencies[:, 1])
    levels = market.offer_competencies[:, 2]
    # fit contributions: column (wanted - 1) * C + competency, value FIT[wanted][offered level]
    fit_matrix = sp.csr_matrix(
        (
            np.concatenate([FIT[w][levels] for w in range(1, 5)]),
            (np.tile(o_pos, 4), np.concatenate([(w - 1) * n_comp + c_pos for w in range(1, 5)])),
        ),
        shape=(n_offers, 4 * n_comp),
    )
    has = np.zeros((n_offers, n_comp + 1), dtype=bool)  # last column: a competency no offer has
    has[o_pos, c_pos] = True
    required, nice = [[] for _ in range(n_requests)], [[] for _ in range(n_requests)]
    r_index = {rid: i for i, rid in enumerate(requests[:, 0].tolist())}
    comp_index = {cid: i for i, cid in enumerate(competencies.tolist())}
    for rid, cid, level, is_required in market.request_competencies:
        (required if is_required else nice)[r_index[rid]].append((comp_index.get(cid, n_comp), level))
    out_r, out_o, out_s = [], [], []
    for first in range(0, n_requests, block):
        rows = range(first, min(first + block, n_requests))
        result = _block(offers, requests, fit_matrix, has, n_comp, required, nice, rows, keep, min_score)
        out_r.append(requests[result[0], 0])
        out_o.append(offers[result[1], 0])
        out_s.append(result[2])
    if not out_r:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_r), np.concatenate(out_o), np.concatenate(out_s)


def _block(offers, requests, fit_matrix, has, n_comp, required, nice, rows, keep, min_score):
    rows = list(rows)
    width = max((len(required[r]) for r in rows), default=0)
    fit = None
    for position in range(width):  # one product per position: each entry is one term, added in order
        cols = [j for j, r in enumerate(rows) if len(required[r]) > position and required[r][position][0] < n_comp]
        picks = [(required[rows[j]][position][1] - 1) * n_comp + required[rows[j]][position][0] for j in cols]
        select = sp.csr_matrix((np.ones(len(cols)), (picks, cols)), shape=(4 * n_comp, len(rows)))
        term = fit_matrix @ select
        fit = term if fit is None else fit + term
    if fit is None or fit.nnz == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    fit = fit.tocoo()
    o, j, f = fit.row.astype(np.int64), fit.col.astype(np.int64), fit.data
    r = np.asarray(rows)[j]
    n_req = np.array([len(required[x]) for x in rows])[j]
    nice_width = max((len(nice[x]) for x in rows), default=0)
    nice_cols = np.full((len(rows), max(nice_width, 1)), n_comp)
    for i, x in enumerate(rows):
        for k, (c, _level) in enumerate(nice[x]):
            nice_cols[i, k] = c
    n_nice = np.array([len(nice[x]) for x in rows])[j]
    count = np.zeros(len(o), dtype=np.int64)
    for k in range(nice_width):
        count += has[o, nice_cols[j, k]]
    nice_points = np.where(n_nice > 0, 10 * count / np.maximum(n_nice, 1), 10)
    r_start, r_end = requests[r, 3], requests[r, 4]
    o_start, o_end = offers[o, 4], offers[o, 5]
    overlap = np.minimum(o_end, r_end) - np.maximum(o_start, r_start) + 1
    period = 20 * np.maximum(overlap, 0) / (r_end - r_start + 1)
    score = np.rint(70 * f / n_req + nice_points + period).astype(np.int64)
    ok = (
        (offers[o, 1] != requests[r, 1])
        & (o_start <= r_end)
        & (o_end >= r_start)
        & (offers[o, 6] >= requests[r, 5])
        & ((offers[o, 3] == 0) | (offers[o, 2] == requests[r, 2]))
        & (score >= min_score)
    )
    o, r, score = o[ok], r[ok], score[ok]
    order = np.lexsort((o, -score, r))  # per request: best score, then the older offer
    o, r, score = o[order], r[order], score[order]
    starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
    rank = np.arange(len(r)) - np.repeat(starts, np.diff(np.r_[starts, len(r)]))
    top = rank < keep
    return r[top], o[top], score[top]
