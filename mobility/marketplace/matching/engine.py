"""The matching rules on arrays: eligibility, score and the best N candidates of a request.

Score (0-100): 70 for the required competencies (each covered one counts fully when the offered level
reaches the required level, in proportion otherwise), 10 for the nice-to-have ones (10 when there are
none), 20 for the share of the request's period the offer covers; rounded half to even, as Python's
`round`. The float operations are the scalar engine's, in its order (the fit adds up the required
competencies in the request's order), so every score is bit-for-bit the one it gave; the tests compare
the two on random markets.

Ranking a request does not score every candidate: a cheap integer upper bound (the fit in twelfths, the
nice-to-haves, a full period) is computed for every offer at once, offers are scored exactly in bands
of that bound, highest first, and the walk stops when the N-th kept candidate beats every bound left
(`_walk`). Ties go to the older offer (lower id).
"""

from dataclasses import dataclass

import numpy as np

from mobility.marketplace.matching.market import FIT, Bound, Offers, Requests

REQUIRED_WEIGHT, NICE_WEIGHT, PERIOD_WEIGHT = 70, 10, 20
# The first pass scores about this many candidates more than N (eligibility removes some of them).
HEADROOM = 16
# Thresholds are chosen by counting at most this many offers' bounds.
SAMPLE = 4096
UINT16_MAX = 65535


@dataclass
class Ranked:
    """The kept candidates of one request, best first: offer positions and scores."""

    offers: np.ndarray
    scores: np.ndarray


EMPTY = Ranked(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


def _scores(fit, count, n_nice, overlap, days, n) -> np.ndarray:
    """The rule's float operations in the scalar engine's order, then Python's round (half to even)."""
    nice = np.where(n_nice > 0, NICE_WEIGHT * count / np.maximum(n_nice, 1), NICE_WEIGHT)
    period = PERIOD_WEIGHT * np.maximum(overlap, 0) / days
    return np.rint(REQUIRED_WEIGHT * fit / n + nice + period).astype(np.int64)


def _eligible(shared, requests: Requests, offers: Offers, ri, oi) -> np.ndarray:
    """Another person's offer, overlapping periods, offered share >= requested share, an "own entity"
    offer only for a request of that entity, and at least one shared required competency."""
    r_start, r_end = requests.start[ri], requests.end[ri]
    return (
        shared
        & (offers.staff[oi] != requests.owner[ri])
        & (offers.start[oi] <= r_end)
        & (offers.end[oi] >= r_start)
        & (offers.share[oi] >= requests.share[ri])
        & (~offers.own_entity[oi] | (offers.home[oi] == requests.home[ri]))
    )


def _overlap(requests: Requests, offers: Offers, ri, oi):
    r_start, r_end = requests.start[ri].astype(np.int64), requests.end[ri].astype(np.int64)
    overlap = np.minimum(offers.end[oi], r_end) - np.maximum(offers.start[oi], r_start) + 1
    return overlap, r_end - r_start + 1


def request_scores(
    bound: Bound, requests: Requests, offers: Offers, r: int, positions: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Exact score and eligibility of offers `positions` for request r (`pair_scores` for one request,
    with the request's values as Python numbers: the same operations, fewer of them)."""
    levels = offers.levels
    fit = shared = None
    for p in range(int(bound.n_required[r])):
        level = levels[bound.required_column[r, p]][positions]
        term = FIT[bound.required_level[r, p]][level]
        fit = term if fit is None else fit + term  # 0.0 + term is term
        shared = level > 0 if shared is None else shared | (level > 0)
    n_nice = int(bound.n_nice[r])
    if n_nice:
        count = (levels[bound.nice_column[r, 0]][positions] > 0).astype(np.int64)
        for p in range(1, n_nice):
            count += levels[bound.nice_column[r, p]][positions] > 0
        nice = NICE_WEIGHT * count / n_nice
    else:
        nice = NICE_WEIGHT
    r_start, r_end = int(requests.start[r]), int(requests.end[r])
    o_start, o_end = offers.start[positions], offers.end[positions]
    overlap = np.minimum(o_end, r_end) - np.maximum(o_start, r_start) + 1
    period = PERIOD_WEIGHT * np.maximum(overlap, 0) / (r_end - r_start + 1)
    scores = np.rint(REQUIRED_WEIGHT * fit / int(bound.n_required[r]) + nice + period).astype(np.int64)
    eligible = shared & (o_start <= r_end) & (o_end >= r_start)
    eligible &= offers.staff[positions] != int(requests.owner[r])
    eligible &= offers.share[positions] >= int(requests.share[r])
    eligible &= ~offers.own_entity[positions] | (offers.home[positions] == int(requests.home[r]))
    return scores, eligible


def pair_scores(
    bound: Bound, requests: Requests, offers: Offers, ri: np.ndarray, oi: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Exact score and eligibility of the pairs (request ri[k], offer oi[k])."""
    fit = np.zeros(len(ri))
    shared = np.zeros(len(ri), dtype=bool)
    for p in range(bound.required_column.shape[1]):  # the padding adds 0.0: exact
        level = offers.levels[bound.required_column[ri, p], oi]
        fit = fit + FIT[bound.required_level[ri, p], level]
        shared |= level > 0
    count = np.zeros(len(ri), dtype=np.int64)
    for p in range(bound.nice_column.shape[1]):
        count += offers.levels[bound.nice_column[ri, p], oi] > 0
    overlap, days = _overlap(requests, offers, ri, oi)
    scores = _scores(fit, count, bound.n_nice[ri], overlap, days, np.maximum(bound.n_required[ri], 1))
    return scores, _eligible(shared, requests, offers, ri, oi)


def best(positions: np.ndarray, scores: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray]:
    """The `keep` best (highest score, then lowest position = older offer), best first."""
    order = np.lexsort((positions, -scores))[:keep]
    return positions[order], scores[order]


class _Bounds:
    """Upper bounds of every offer's score for one request, as integers.

    key = 12·n·m' x (the required part + the nice-to-have part), exact in integers (n required, m nice,
    m' = max(m, 1)); with the full period on top, no score can exceed (key + D/2) // D + extra for
    D = 12·n·m'. So "the bound reaches t" is `key >= (t - extra)·D - D/2`, an integer comparison.
    """

    def __init__(self, bound: Bound, offers: Offers, r: int):
        n, m = max(int(bound.n_required[r]), 1), int(bound.n_nice[r])
        self.denominator = 12 * n * max(m, 1)
        self.extra = PERIOD_WEIGHT + (0 if m else NICE_WEIGHT)
        self.top = 80 * self.denominator + 1  # above every key: (100 - 20) x D at most
        dtype = np.uint16 if self.top <= UINT16_MAX else np.uint32
        self.fit12 = _fit12(bound, offers, r, dtype)
        self.key = None
        if self.fit12 is None:
            return
        if m:
            count = np.zeros(len(offers), dtype=dtype)
            for p in range(m):
                count += offers.has(int(bound.nice_column[r, p]))
            self.key = self.fit12 * dtype(REQUIRED_WEIGHT * m) + count * dtype(NICE_WEIGHT * 12 * n)
        else:
            self.key = self.fit12 * dtype(REQUIRED_WEIGHT)
        self._at_least = None

    def cut(self, score: int) -> int:
        """The smallest key whose bound reaches `score`."""
        cut = (score - self.extra) * self.denominator - self.denominator // 2
        return min(max(cut, 0), self.top)  # within the key's unsigned type

    def reaching(self, score: int) -> int:
        """About how many offers' bound reaches `score` (0-101), counted on every k-th offer so that
        at most SAMPLE are counted: only how much the walk scores at once depends on it."""
        if self._at_least is None:
            stride = max(1, len(self.key) // SAMPLE)
            sample = self.key[::stride].astype(np.int64)
            bounds = np.minimum((sample + self.denominator // 2) // self.denominator + self.extra, 101)
            self._at_least = np.cumsum(np.bincount(bounds, minlength=102)[::-1])[::-1] * stride
        return int(self._at_least[min(max(score, 0), 101)])


def score_bound(n: int, m: int, f12: int, nice: int) -> int:
    """`_Bounds` for one offer: the bound of an offer with fit `f12` twelfths and `nice` nice-to-haves
    for a request with n required and m nice-to-have competencies."""
    wide = max(m, 1)
    denominator = 12 * n * wide
    key = REQUIRED_WEIGHT * wide * f12 + NICE_WEIGHT * 12 * n * nice
    return (key + denominator // 2) // denominator + PERIOD_WEIGHT + (0 if m else NICE_WEIGHT)


def score_bound_sql(n: str, m: str, f12: str, nice: str) -> str:
    """`score_bound` as an SQL expression of four integer SQL expressions (all values are non-negative
    integers, so SQL's integer division is Python's floor division)."""
    wide = f"(CASE WHEN {m} > 0 THEN {m} ELSE 1 END)"
    key = f"{REQUIRED_WEIGHT} * {wide} * {f12} + {NICE_WEIGHT * 12} * {n} * {nice}"
    extra = f"(CASE WHEN {m} > 0 THEN {PERIOD_WEIGHT} ELSE {PERIOD_WEIGHT + NICE_WEIGHT} END)"
    return f"(({key} + 6 * {n} * {wide}) / (12 * {n} * {wide}) + {extra})"


def _fit12(bound: Bound, offers: Offers, r: int, dtype) -> np.ndarray | None:
    """12 x the fit of every offer for request r (integers: exact); None when no offer can share one."""
    total = None
    for p in range(int(bound.n_required[r])):
        column = int(bound.required_column[r, p])
        if column == offers.absent:
            continue
        row = offers.fit12(column, int(bound.required_level[r, p]))
        if total is None:
            total = row.astype(dtype)
        else:
            total += row
    return total


def _walk(bound: Bound, requests: Requests, offers: Offers, r: int, *, keep: int, min_score: int):
    """The ranking of request r as a coroutine: it yields offer positions to score, is sent back their
    (scores, eligibility) and returns the `Ranked` (so that `rank_all` can score many requests at once).

    Offers are scored in bands of their bound, highest first, the scalar engine's walk done in bulk: each
    band reaches down to the highest score t that lets about `keep` + HEADROOM more offers in, and the
    offers whose bound is exactly t are scored by age (the older wins a tie, and many offers tie there).
    The walk stops as soon as the N-th kept candidate beats every bound left, or when the bounds left
    fall below the minimum score.
    """
    if keep <= 0 or not bound.n_required[r] or not len(offers):
        return EMPTY
    bounds = _Bounds(bound, offers, r)
    if bounds.key is None:
        return EMPTY
    key = bounds.key
    positions, scores = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    level, evaluated = 101, 0  # every offer whose bound reaches `level` has been scored
    while level > min_score:
        floor = max(min_score, int(best(positions, scores, keep)[1][-1]) if len(scores) >= keep else 0)
        threshold = _threshold(bounds, low=floor, high=level - 1, target=evaluated + keep + HEADROOM)
        above, at = bounds.cut(threshold + 1), bounds.cut(threshold)
        band = (
            np.flatnonzero((key >= above) & (key < bounds.cut(level))) if level <= 100 else np.flatnonzero(key >= above)
        )
        tier = np.flatnonzero((key >= at) & (key < above))
        done = max(2 * keep + HEADROOM - len(band), HEADROOM)  # the band and the tier's oldest, at once
        batch = np.concatenate([band, tier[:done]])
        while len(batch):
            more, eligible = yield batch
            listed = eligible & (more >= min_score)
            positions, scores = np.concatenate([positions, batch[listed]]), np.concatenate([scores, more[listed]])
            if done >= len(tier):
                break
            if len(scores) >= keep:
                kept_positions, kept_scores = best(positions, scores, keep)
                last_score, last_position = kept_scores[-1], kept_positions[-1]
                if last_score > threshold or (last_score == threshold and last_position < tier[done]):
                    return Ranked(kept_positions, kept_scores)  # no bound left beats the N-th
            size = 2 * max(keep - int(np.count_nonzero(scores >= threshold)), 0) + HEADROOM
            batch, done = tier[done : done + size], done + size
        evaluated += len(band) + len(tier)
        level = threshold
        if np.count_nonzero(scores >= level) >= keep:
            break  # the N-th best reaches every bound left
    return Ranked(*best(positions, scores, keep))


def rank_request(bound: Bound, requests: Requests, offers: Offers, r: int, *, keep: int, min_score: int) -> Ranked:
    """The best `keep` eligible offers for request r scoring at least `min_score`, best first."""
    walk = _walk(bound, requests, offers, r, keep=keep, min_score=min_score)
    try:
        batch = next(walk)
        while True:
            batch = walk.send(request_scores(bound, requests, offers, r, batch))
    except StopIteration as finished:
        return finished.value


def _threshold(bounds: _Bounds, *, low: int, high: int, target: int) -> int:
    """The highest score in [low, high] whose bound about `target` offers reach (low when none); counted
    on a sample of the offers in a large market: only how much is scored first depends on it."""
    if high <= low or bounds.reaching(low) <= target:
        return low
    while low < high:
        middle = (low + high + 1) // 2
        if bounds.reaching(middle) >= target:
            low = middle
        else:
            high = middle - 1
    return low


def rank_all(requests: Requests, offers: Offers, *, keep: int, min_score: int, block: int = 128) -> list[Ranked]:
    """`rank_request` for every request, in the order of `requests`; the offers the walks of a block of
    requests ask for are scored together (one `pair_scores` per round instead of one call per request)."""
    bound = Bound.bind(requests, offers)
    ranked = [EMPTY] * len(requests)
    for first in range(0, len(requests), block):
        walks, pending = {}, {}
        for r in range(first, min(first + block, len(requests))):
            walks[r] = _walk(bound, requests, offers, r, keep=keep, min_score=min_score)
            try:
                pending[r] = next(walks[r])
            except StopIteration as finished:
                ranked[r] = finished.value
        while pending:
            sizes = [len(batch) for batch in pending.values()]
            ri = np.repeat(np.fromiter(pending, dtype=np.int64, count=len(pending)), sizes)
            scores, eligible = pair_scores(bound, requests, offers, ri, np.concatenate(list(pending.values())))
            ends = np.cumsum(sizes).tolist()
            asked, pending = pending, {}
            for r, start, end in zip(asked, [0, *ends[:-1]], ends, strict=True):
                try:
                    pending[r] = walks[r].send((scores[start:end], eligible[start:end]))
                except StopIteration as finished:
                    ranked[r] = finished.value
    return ranked


def score_offer(requests: Requests, offers: Offers, o: int) -> tuple[np.ndarray, np.ndarray]:
    """Score and eligibility of offer position o against every request."""
    bound = Bound.bind(requests, offers)
    return pair_scores(bound, requests, offers, np.arange(len(requests)), np.full(len(requests), o))
