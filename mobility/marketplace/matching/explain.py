"""The explanation stored with each kept match, as JSON text, and a digest to tell whether it changed.

The explanation holds the facts a person reads next to a match: each required and nice-to-have
competency with the wanted and the offered level (null when not offered), the overlap of both periods
(first and last day, days, percent of the requested period) and both time shares. The text is written
in PostgreSQL's canonical `jsonb` form (keys ordered by length, then bytes; ", " and ": " between
items), so `explanation::text` reads back exactly as written and a digest of the stored text equals the
digest of the computed one when nothing changed; SQLite stores the text as it is.
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


def digest(text: str) -> int:
    """The first 64 bits of the text's MD5, signed: what `store.DIGEST_SQL` computes in PostgreSQL."""
    return int.from_bytes(hashlib.md5(text.encode(), usedforsecurity=False).digest()[:8], "big", signed=True)
