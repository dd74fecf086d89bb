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
    o_id, o_staff, o_home, o_own, o_start, o_end, o_share = (np.ascontiguousarray(c) for c in offers.T)
    r_id, r_owner, r_home, r_start, r_end, r_share = (np.ascontiguousarray(c) for c in requests.T)
    n_offers, n_requests = len(offers), len(requests)
    competencies = np.unique(market.offer_competencies[:, 1])
    n_comp = len(competencies)
    o_pos = np.searchsorted(o_id, market.offer_competencies[:, 0])
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
    has = np.zeros((n_comp + 1, n_offers), dtype=np.int8)  # last row: a competency no offer has
    has[c_pos, o_pos] = 1
    required, nice = [[] for _ in range(n_requests)], [[] for _ in range(n_requests)]
    r_index = {rid: i for i, rid in enumerate(r_id.tolist())}
    comp_index = {cid: i for i, cid in enumerate(competencies.tolist())}
    for rid, cid, level, is_required in market.request_competencies:
        (required if is_required else nice)[r_index[rid]].append((comp_index.get(cid, n_comp), level))
    out_r, out_o, out_s = [], [], []
    for first in range(0, n_requests, block):
        rows = list(range(first, min(first + block, n_requests)))
        width = max((len(required[r]) for r in rows), default=0)
        fit = None
        for position in range(width):  # one product per position: each entry is one term, added in order
            cols = [j for j, r in enumerate(rows) if len(required[r]) > position and required[r][position][0] < n_comp]
            picks = [(required[rows[j]][position][1] - 1) * n_comp + required[rows[j]][position][0] for j in cols]
            select = sp.csr_matrix((np.ones(len(cols)), (picks, cols)), shape=(4 * n_comp, len(rows)))
            term = fit_matrix @ select
            fit = term if fit is None else fit + term
        if fit is None or fit.nnz == 0:
            continue
        fit = fit.tocoo()
        o, j, f = fit.row.astype(np.int64), fit.col.astype(np.int64), fit.data
        r = first + j
        # eligibility broadcast over the candidate pairs, before anything is scored
        ok = (o_share[o] >= r_share[r]) & (o_start[o] <= r_end[r]) & (o_end[o] >= r_start[r])
        ok &= o_staff[o] != r_owner[r]
        ok &= (o_own[o] == 0) | (o_home[o] == r_home[r])
        o, j, f, r = o[ok], j[ok], f[ok], r[ok]
        n_req = np.array([len(required[x]) for x in rows])[j]
        n_nice = np.array([len(nice[x]) for x in rows])
        nice_cols = np.full((len(rows), max(n_nice.max(), 1)), n_comp)
        for i, x in enumerate(rows):
            nice_cols[i, : len(nice[x])] = [c for c, _level in nice[x]]
        count = np.zeros(len(o), dtype=np.int64)
        for k in range(int(n_nice.max())):
            count += has[nice_cols[j, k], o]
        n_nice = n_nice[j]
        nice_points = np.where(n_nice > 0, 10 * count / np.maximum(n_nice, 1), 10)
        overlap = np.minimum(o_end[o], r_end[r]) - np.maximum(o_start[o], r_start[r]) + 1
        period = 20 * np.maximum(overlap, 0) / (r_end[r] - r_start[r] + 1)
        score = np.rint(70 * f / n_req + nice_points + period).astype(np.int64)
        # top N by partition: count scores per request, keep what reaches each one's N-th, sort only that
        listed = score >= min_score
        o, j, score = o[listed], j[listed], score[listed]
        at_least = np.cumsum(np.bincount(j * 101 + score, minlength=len(rows) * 101).reshape(-1, 101)[:, ::-1], 1)
        cutoff = 100 - np.argmax(at_least >= keep, axis=1)
        cutoff[at_least[:, -1] < keep] = 0
        reach = score >= cutoff[j]
        o, j, score = o[reach], j[reach], score[reach]
        order = np.lexsort((o, -score, j))  # per request: best score, then the older offer
        o, j, score = o[order], j[order], score[order]
        starts = np.flatnonzero(np.r_[True, j[1:] != j[:-1]])
        rank = np.arange(len(j)) - np.repeat(starts, np.diff(np.r_[starts, len(j)]))
        top = rank < keep
        out_r.append(r_id[first + j[top]])
        out_o.append(o_id[o[top]])
        out_s.append(score[top])
    if not out_r:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(out_r), np.concatenate(out_o), np.concatenate(out_s)
