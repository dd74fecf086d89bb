"""The explanation stored with each kept match, as JSON text, and its digest.

The explanation holds the facts a person reads next to a match: each required and nice-to-have
competency with the wanted and the offered level (null when not offered), the overlap of both periods
(first and last day, days, percent of the requested period) and both time shares. The text is written
in PostgreSQL's canonical `jsonb` form (keys ordered by length, then bytes; ", " and ": " between
items), so what is read back is what was written, on SQLite too.

The digest is a 64-bit fingerprint of exactly the values the explanation is made of (the request's
competencies, levels, period and share; the offered levels, the overlap's first and last day, the
offered share), computed with numpy for every kept row without building any text. It is stored with
the row; the text is built only for rows whose digest (or score) differs from the stored one.
"""

import hashlib
from datetime import date

import numpy as np

from mobility.marketplace.matching.market import Offers, Requests

_OFFERED = np.array(["null", "1", "2", "3", "4"], dtype=object)
_ISO: dict[int, str] = {}


def _iso(days: np.ndarray) -> list[str]:
    values = days.tolist()
    for day in set(values) - _ISO.keys():
        _ISO[day] = date.fromordinal(day).isoformat()
    return [_ISO[day] for day in values]


def _item(cid: int, level: int) -> str:
    return f'{{"level": {level}, "offered": %s, "competency": {cid}}}'


def _template(requests: Requests, r: int) -> str:
    nice = ", ".join(_item(cid, level) for cid, level in requests.nice[r])
    required = ", ".join(_item(cid, level) for cid, level in requests.required[r])
    return (
        f'{{"nice": [{nice}], "overlap": {{"end": "%s", "days": %d, "start": "%s", "percent": %d}}, '
        f'"required": [{required}], "time_share": {{"offered": %d, "requested": {int(requests.share[r])}}}}}'
    )


def explanation_texts(requests: Requests, offers: Offers, r: int, positions: np.ndarray) -> list[str]:
    """The explanation of request r with each offer in `positions`, as canonical JSON text."""
    if not len(positions):
        return []

    def offered(cid: int) -> list[str]:
        column = offers.column.get(cid, offers.absent)
        return _OFFERED[offers.levels[column][positions]].tolist()

    r_start, r_end = int(requests.start[r]), int(requests.end[r])
    start = np.maximum(offers.start[positions], r_start)
    end = np.minimum(offers.end[positions], r_end)
    days = end.astype(np.int64) - start + 1
    percent = np.rint(100 * days / (r_end - r_start + 1)).astype(np.int64)
    columns = [offered(cid) for cid, _level in requests.nice[r]]
    columns += [_iso(end), days.tolist(), _iso(start), percent.tolist()]
    columns += [offered(cid) for cid, _level in requests.required[r]]
    columns.append(offers.share[positions].tolist())
    template = _template(requests, r)
    return [template % values for values in zip(*columns, strict=True)]


# Bump when the explanation's form changes: every digest changes, so every explanation is rewritten once.
FORMAT = 1
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def _mix(h: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Fold a value into 64-bit states (the splitmix64 finaliser after an xor; wraps modulo 2**64)."""
    z = h ^ value.astype(np.uint64)
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return z ^ (z >> np.uint64(31))


def _request_seed(requests: Requests, r: int) -> int:
    facts = (FORMAT, requests.required[r], requests.nice[r], int(requests.share[r]))
    facts += (int(requests.start[r]), int(requests.end[r]))
    return int.from_bytes(hashlib.blake2b(repr(facts).encode(), digest_size=8).digest(), "big")


def digests(requests: Requests, offers: Offers, ri: np.ndarray, oi: np.ndarray) -> np.ndarray:
    """The digest of the explanation of each pair (request ri[k], offer oi[k]), as stored (int64).

    Only the requests that `ri` names are read (a refreshed offer scores thousands of requests and keeps
    rows in a few hundred lists)."""
    used, slots = np.unique(np.asarray(ri, dtype=np.int64), return_inverse=True)
    slots = slots.reshape(-1)
    seeds = np.array([_request_seed(requests, r) for r in used.tolist()], dtype=np.uint64)
    lists = [requests.nice[r] + requests.required[r] for r in used.tolist()]
    width = max((len(x) for x in lists), default=0)
    absent = offers.absent
    columns = np.full((len(used), width), absent, dtype=np.int64)
    for u, items in enumerate(lists):
        columns[u, : len(items)] = [offers.column.get(cid, absent) for cid, _level in items]
    sizes = np.array([len(x) for x in lists], dtype=np.int64)[slots]
    with np.errstate(over="ignore"):
        h = seeds[slots]
        for k in range(width):  # each competency's offered level, in the explanation's order
            h = np.where(k < sizes, _mix(h, offers.levels[columns[slots, k], oi]), h)
        h = _mix(h, np.maximum(offers.start[oi], requests.start[ri]))
        h = _mix(h, np.minimum(offers.end[oi], requests.end[ri]))
        h = _mix(h, offers.share[oi])
    return h.view(np.int64)
