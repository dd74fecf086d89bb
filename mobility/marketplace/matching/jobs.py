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
from mobility.marketplace.matching.engine import Ranked, rank_all, score_offer
from mobility.marketplace.matching.explain import digest, explanation_texts
from mobility.marketplace.matching.market import Offers, Requests

PARAMETER_KEYS = ["mobility.marketplace.min_match_score", "mobility.marketplace.candidates_per_request"]


def _parameters(today: date) -> tuple[int, int]:
    values = snapshot(PARAMETER_KEYS, on=today)["values"]
    return (
        int(values["mobility.marketplace.min_match_score"]),
        int(values["mobility.marketplace.candidates_per_request"]),
    )


def kept_rows(requests: Requests, offers: Offers, ranked: list[Ranked]) -> store.Rows:
    """The kept matches as rows, with their explanations (built for these rows only)."""
    request_ids, offer_ids, scores, texts = [], [], [], []
    for r, kept in enumerate(ranked):
        if not len(kept.offers):
            continue
        request_ids.append(np.full(len(kept.offers), requests.ids[r]))
        offer_ids.append(offers.ids[kept.offers])
        scores.append(kept.scores)
        texts += explanation_texts(requests, offers, r, kept.offers)
    if not texts:
        return store.Rows.empty()
    return store.Rows.computed(np.concatenate(request_ids), np.concatenate(offer_ids), np.concatenate(scores), texts)


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
        rows = kept_rows(requests, offers, ranked)
        lap("explain")
        old = store.stored()
        lap("load_stored")
        result.changes = store.replace(rows, old, now=now)
        store.mark_first_matched(now=now)
        lap("write")
    result.requests, result.offers, result.matches = len(requests), len(offers), len(rows)
    return result


def match_rematch_all(*, today: date | None = None) -> dict:
    """The nightly full rematch."""
    result = rematch(today=today)
    return {"requests": result.requests, "offers": result.offers, "matches": result.matches}


def _refresh_requests(request_ids: list[int], *, today: date, now, min_score: int, keep: int) -> int:
    requests = load.requests(load.open_requests(today).filter(pk__in=request_ids))
    offers = load.candidate_offers(requests, today)
    rows = kept_rows(requests, offers, rank_all(requests, offers, keep=keep, min_score=min_score))
    store.replace(rows, store.stored(request_ids=request_ids), now=now)
    store.mark_first_matched(now=now, request_ids=rows.request_ids.tolist())
    return len(rows)


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
    entering: dict[int, tuple[int, Requests, int]] = {}  # request id -> (score, requests, position)
    if len(offer):
        requests = load.requests(load.candidate_requests(offer, today))
        scores, eligible = score_offer(requests, offer, 0)
        for r in np.flatnonzero(eligible & (scores >= min_score)).tolist():
            entering[int(requests.ids[r])] = (int(scores[r]), requests, r)
    listed = store.stored(offer_id=offer_id)
    before = dict(zip(listed.request_ids.tolist(), listed.scores.tolist(), strict=True))
    affected = sorted(before.keys() | entering.keys())
    lists = store.stored(request_ids=affected)
    kept = []
    for request_id in affected:
        mine = np.flatnonzero(lists.request_ids == request_id).tolist()
        others = sorted(
            (-int(lists.scores[i]), int(lists.offer_ids[i]), int(lists.digests[i]))
            for i in mine
            if lists.offer_ids[i] != offer_id
        )
        entry = entering.get(request_id)
        if request_id in before and len(others) + 1 >= keep and (entry is None or entry[0] < before[request_id]):
            again.add(request_id)  # it leaves a full list or falls in it: the next candidate may move up
            continue
        if entry is not None:
            others = sorted([*others, (-entry[0], offer_id, None)])
        for negative, other, stored_digest in others[:keep]:
            if other != offer_id:  # unchanged: same score and digest, so not written
                kept.append((request_id, other, -negative, stored_digest, None))
                continue
            _score, requests, r = entry
            text = explanation_texts(requests, offer, r, np.zeros(1, dtype=np.int64))[0]
            kept.append((request_id, other, -negative, digest(text), text))
    old = lists.subset(~np.isin(lists.request_ids, sorted(again)))
    store.replace(store.Rows.from_tuples(kept), old, now=now)
    store.mark_first_matched(now=now, request_ids=[r for r in entering if r not in again])
    return sum(1 for row in kept if row[1] == offer_id)


def match_refresh_request(*, request_id: int) -> int:
    return match_refresh_requests(request_ids=[request_id])


def match_refresh_offer(*, offer_id: int) -> int:
    return match_refresh_offers(offer_ids=[offer_id])
