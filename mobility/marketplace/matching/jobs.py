"""The matching jobs: the nightly full rematch, and the refresh of a changed request or offer.

Each one runs in one transaction holding the matching lock (`store.lock`): load the market in a few
queries, rank with the engine, build explanations for the kept rows only, write what changed.
"""

import time
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.db import transaction
from django.utils import timezone

from hrportal.parameters.selectors import snapshot
from mobility.marketplace.matching import load, store
from mobility.marketplace.matching.engine import HEADROOM, Bound, Ranked, rank_all, rank_request, score_offer
from mobility.marketplace.matching.explain import digests, explanation_texts
from mobility.marketplace.matching.market import Offers, Requests

PARAMETER_KEYS = ["mobility.marketplace.min_match_score", "mobility.marketplace.candidates_per_request"]


def _parameters(today: date) -> tuple[int, int]:
    values = snapshot(PARAMETER_KEYS, on=today)["values"]
    return (
        int(values["mobility.marketplace.min_match_score"]),
        int(values["mobility.marketplace.candidates_per_request"]),
    )


@dataclass
class Kept:
    """The kept matches of a ranking as rows (positions in the market too, to explain them)."""

    rows: store.Rows
    requests: Requests
    offers: Offers
    ri: np.ndarray
    oi: np.ndarray

    def explain(self, indices: np.ndarray) -> list[str]:
        """The explanation texts of the rows at `indices`, in that order (built request by request)."""
        texts: list[str] = [""] * len(indices)
        if not len(indices):
            return texts
        order = np.argsort(self.ri[indices], kind="stable")
        chosen, requests = indices[order], self.ri[indices][order]
        bounds = np.flatnonzero(np.r_[True, requests[1:] != requests[:-1], True])
        for first, last in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            part = explanation_texts(self.requests, self.offers, int(requests[first]), self.oi[chosen[first:last]])
            for slot, text in zip(order[first:last].tolist(), part, strict=True):
                texts[slot] = text
        return texts


def kept_rows(requests: Requests, offers: Offers, ranked: list[Ranked]) -> Kept:
    """The kept matches with their explanation digests (no text is built here)."""
    sizes = np.array([len(kept.offers) for kept in ranked], dtype=np.int64)
    ri = np.repeat(np.arange(len(ranked)), sizes)
    oi = np.concatenate([kept.offers for kept in ranked]) if ranked else np.zeros(0, dtype=np.int64)
    scores = np.concatenate([kept.scores for kept in ranked]) if ranked else np.zeros(0, dtype=np.int64)
    rows = store.Rows.of(requests.ids[ri], offers.ids[oi], scores, digests(requests, offers, ri, oi))
    return Kept(rows, requests, offers, ri, oi.astype(np.int64))


@dataclass
class Rematch:
    """What a full rematch did, and how long each step took (the benchmark prints them)."""

    requests: int = 0
    offers: int = 0
    matches: int = 0
    changes: store.Changes = field(default_factory=store.Changes)
    seconds: dict = field(default_factory=dict)


def rematch(*, today: date | None = None) -> Rematch:
    """Every open request against every active offer; only what changed is written."""
    today = today or timezone.localdate()
    now = timezone.now()
    min_score, keep = _parameters(today)
    result = Rematch()
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        result.seconds[step] = round(time.perf_counter() - clock, 3)
        clock = time.perf_counter()

    with transaction.atomic():
        store.lock()
        offers = load.offers(load.active_offers(today))
        requests = load.requests(load.open_requests(today))
        lap("load")
        ranked = rank_all(requests, offers, keep=keep, min_score=min_score)
        lap("rank")
        kept = kept_rows(requests, offers, ranked)
        lap("digest")
        old = store.stored()
        lap("load_stored")
        result.changes = store.replace(kept.rows, old, now=now, explain=kept.explain)
        store.mark_first_matched(now=now)
        lap("explain_and_write")
    result.requests, result.offers, result.matches = len(requests), len(offers), len(kept.rows)
    return result


def match_rematch_all(*, today: date | None = None) -> dict:
    """The nightly full rematch."""
    result = rematch(today=today)
    return {"requests": result.requests, "offers": result.offers, "matches": result.matches}


# Up to this many requests are refreshed one by one with their candidates pruned in SQL; more at once
# load every candidate of them all (one query) and rank them together.
ONE_BY_ONE = 8


def _rank_one(market: Requests, today: date, *, keep: int, min_score: int) -> Kept:
    """The single request of `market` ranked by the engine against the offers whose score bound, computed
    in SQL, can reach its list: first the best 2N + HEADROOM by bound; when these cannot prove the N-th
    (an offer left out might tie or beat it), every offer whose bound reaches the N-th best found."""
    limit = 2 * keep + HEADROOM
    offers, bounds, fetched = load.bounded_offers(market, 0, today, at_least=min_score, limit=limit)
    ranked = rank_request(Bound.bind(market, offers), market, offers, 0, keep=keep, min_score=min_score)
    if fetched >= limit:
        lowest = int(bounds.min())  # offers left out: a lower bound, or this one and a higher id
        youngest = int(offers.ids[bounds == lowest].max())
        full = len(ranked.offers) >= keep
        last_score = int(ranked.scores[-1]) if full else min_score
        proven = full and (last_score > lowest or (last_score == lowest and offers.ids[ranked.offers[-1]] <= youngest))
        if not proven:
            offers, _bounds, _fetched = load.bounded_offers(market, 0, today, at_least=last_score, limit=None)
            ranked = rank_request(Bound.bind(market, offers), market, offers, 0, keep=keep, min_score=min_score)
    return kept_rows(market, offers, [ranked])


def _refresh_requests(request_ids: list[int], *, today: date, now, min_score: int, keep: int) -> int:
    requests = load.requests(load.open_requests(today).filter(pk__in=request_ids))
    if len(requests) <= ONE_BY_ONE:
        written = 0
        for r in range(len(requests)):
            kept = _rank_one(requests.take([r]), today, keep=keep, min_score=min_score)
            store.replace(kept.rows, store.stored(request_ids=[int(requests.ids[r])]), now=now, explain=kept.explain)
            written += len(kept.rows)
        open_ids = set(requests.ids.tolist())
        gone = [i for i in request_ids if i not in open_ids]  # closed, paused, expired: their lists go
        store.replace(store.Rows.empty(), store.stored(request_ids=gone), now=now, explain=lambda _i: [])
        store.mark_first_matched(now=now, request_ids=list(open_ids))
        return written
    offers = load.candidate_offers(requests, today)
    kept = kept_rows(requests, offers, rank_all(requests, offers, keep=keep, min_score=min_score))
    store.replace(kept.rows, store.stored(request_ids=request_ids), now=now, explain=kept.explain)
    store.mark_first_matched(now=now, request_ids=kept.rows.request_ids.tolist())
    return len(kept.rows)


def match_refresh_requests(*, request_ids: list[int], today: date | None = None) -> int:
    """Rank these requests again (new, changed, paused or closed ones); returns the matches they keep."""
    today = today or timezone.localdate()
    min_score, keep = _parameters(today)
    with transaction.atomic():
        store.lock()
        return _refresh_requests(list(request_ids), today=today, now=timezone.now(), min_score=min_score, keep=keep)


def match_refresh_offers(*, offer_ids: list[int], today: date | None = None) -> int:
    """Move these offers in the lists they enter, leave or stay in (new, changed, paused or closed ones).

    An offer joins a list where it beats the last kept candidate (the last one then drops out) and
    changes its row where it stays; a full list it leaves or falls in is ranked again, since the next
    candidate may move up. Returns the rows of these offers now stored.
    """
    today = today or timezone.localdate()
    min_score, keep = _parameters(today)
    now = timezone.now()
    kept = 0
    with transaction.atomic():
        store.lock()
        again: set[int] = set()
        for offer_id in offer_ids:
            kept += _refresh_offer(offer_id, today=today, now=now, min_score=min_score, keep=keep, again=again)
        if again:
            _refresh_requests(sorted(again), today=today, now=now, min_score=min_score, keep=keep)
    return kept


def _refresh_offer(offer_id: int, *, today: date, now, min_score: int, keep: int, again: set[int]) -> int:
    offer = load.offers(load.active_offers(today).filter(pk=offer_id))
    requests, qualifying, scores = Requests.build([], []), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if len(offer):
        requests = load.requests(load.reachable_requests(offer, today, min_score=min_score, keep=keep))
        scores, eligible = score_offer(requests, offer, 0)
        qualifying = np.flatnonzero(eligible & (scores >= min_score))
    entering = {int(requests.ids[r]): (int(scores[r]), r) for r in qualifying.tolist()}
    listed = store.stored(offer_id=offer_id)
    before = dict(zip(listed.request_ids.tolist(), listed.scores.tolist(), strict=True))
    # lists it may join: not full, or whose last candidate it reaches (on a tie the older offer wins)
    stats = store.list_stats([r for r in entering if r not in before])
    joining = {r for r, (score, _r) in entering.items() if r in stats and (stats[r][0] < keep or stats[r][1] <= score)}
    joining |= {r for r in entering if r not in before and r not in stats}  # empty lists
    lists = store.stored(request_ids=sorted(before.keys() | joining))
    rows, positions = [], []  # the lists as they must be; positions of the offer's own rows in `requests`
    for request_id in sorted(before.keys() | joining):
        mine = np.flatnonzero((lists.request_ids == request_id) & (lists.offer_ids != offer_id))
        columns = (-lists.scores[mine], lists.offer_ids[mine], lists.digests[mine])
        others = sorted(zip(*(c.tolist() for c in columns), strict=True))
        entry = entering.get(request_id)
        if request_id in before and len(others) + 1 >= keep and (entry is None or entry[0] < before[request_id]):
            again.add(request_id)  # it leaves a full list or falls in it: the next candidate may move up
            continue
        if entry is not None:
            others = sorted([*others, (-entry[0], offer_id, 0)])
        for negative, other, stored_digest in others[:keep]:
            rows.append((request_id, other, -negative, stored_digest))
            positions.append(entry[1] if other == offer_id else -1)
    new = store.Rows.of(*zip(*rows, strict=True)) if rows else store.Rows.empty()
    own = np.flatnonzero(np.array(positions, dtype=np.int64) >= 0)
    ri = np.array(positions, dtype=np.int64)[own]
    new.digests[own] = digests(requests, offer, ri, np.zeros(len(own), dtype=np.int64))

    def explain(indices: np.ndarray) -> list[str]:  # only the offer's own rows can differ from the stored ones
        return [explanation_texts(requests, offer, positions[i], np.zeros(1, dtype=np.int64))[0] for i in indices]

    store.replace(new, lists.subset(~np.isin(lists.request_ids, sorted(again))), now=now, explain=explain)
    store.mark_first_matched(now=now, request_ids=sorted(joining - again))
    return len(own)


def match_refresh_request(*, request_id: int) -> int:
    return match_refresh_requests(request_ids=[request_id])


def match_refresh_offer(*, offer_id: int) -> int:
    return match_refresh_offers(offer_ids=[offer_id])
