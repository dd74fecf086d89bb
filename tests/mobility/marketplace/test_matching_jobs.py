"""The matching jobs on the database: what they store equals the scalar engine's full rematch, after a
full rematch and after any sequence of refreshes; they write only what changed; readers keep their lists."""

import itertools
import random
import threading
import time
from datetime import timedelta

import numpy as np
import pytest
from django.db import connection, connections
from django.utils import timezone

from hrportal.models import Competency, Staff
from hrportal.parameters.models import PolicyParameter
from mobility.marketplace.matching import (
    jobs,
    load,
    match_refresh_offers,
    match_refresh_requests,
    match_rematch_all,
    rematch,
    store,
)
from mobility.marketplace.selectors import candidates_for_request
from mobility.models import Match, TalentOffer, TalentOfferCompetency, TalentRequest, TalentRequestCompetency
from tests.mobility.marketplace.random_market import offer_add, store_random_market
from tests.mobility.marketplace.scalar_matching import reference_rematch
from tests.services import require

pytestmark = pytest.mark.django_db


def _parameters(*, keep: int, min_score: int) -> None:
    today = timezone.localdate()
    PolicyParameter.objects.create(key="mobility.marketplace.candidates_per_request", value=keep, valid_from=today)
    PolicyParameter.objects.create(key="mobility.marketplace.min_match_score", value=min_score, valid_from=today)


def _stored() -> dict:
    return {(m.request_id, m.offer_id): (m.score, m.explanation) for m in Match.objects.all()}


def _assert_equal_to_the_scalar_engine(*, keep: int, min_score: int) -> None:
    expected = reference_rematch(today=timezone.localdate(), keep=keep, min_score=min_score)
    assert _stored() == expected
    # and every list reads in the scalar engine's order: score, then the older offer
    for request in TalentRequest.objects.filter(matches__isnull=False).distinct():
        listed = [(m.score, m.offer_id) for m in candidates_for_request(request=request)]
        assert listed == sorted(listed, key=lambda pair: (-pair[0], pair[1]))
        assert [o for _s, o in listed] == list(Match.objects.filter(request=request).values_list("offer_id", flat=True))


@pytest.mark.parametrize("seed", range(4))
def test_full_rematch_stores_what_the_scalar_engine_stored(skills, seed):
    rng = random.Random(seed)
    store_random_market(rng, offers=40, requests=12)
    keep, min_score = rng.choice([(3, 40), (5, 50), (50, 0)])
    _parameters(keep=keep, min_score=min_score)
    result = match_rematch_all()
    assert result["matches"] == Match.objects.count() > 0
    _assert_equal_to_the_scalar_engine(keep=keep, min_score=min_score)


def _change(rng: random.Random, today) -> None:
    """One random change, followed by the refresh its service queues."""
    offers = list(TalentOffer.objects.order_by("pk"))
    requests = list(TalentRequest.objects.order_by("pk"))
    offer, request = rng.choice(offers), rng.choice(requests)
    step = rng.choice(["pause", "resume", "level", "period", "new offer", "close", "request level", "new request"])
    if step in ("pause", "resume"):
        offer.status = TalentOffer.Status.PAUSED if step == "pause" else TalentOffer.Status.ACTIVE
        offer.save()
    elif step == "level":
        TalentOfferCompetency.objects.filter(offer=offer).update(level=rng.randint(1, 4))
    elif step == "period":
        offer.end = today + timedelta(days=rng.randint(0, 30))
        offer.start = min(offer.start, offer.end)
        offer.save()
    elif step == "new offer":
        comps = list(Competency.objects.order_by("pk").values_list("pk", flat=True)[:5])
        offer = offer_add(rng, list(Staff.objects.all()), comps, today)
    if step in ("pause", "resume", "level", "period", "new offer"):
        match_refresh_offers(offer_ids=[offer.pk])
        return
    if step == "close":
        request.status = TalentRequest.Status.CLOSED
        request.save()
    elif step == "request level":
        TalentRequestCompetency.objects.filter(request=request).update(level=rng.randint(1, 4))
    else:
        request = TalentRequest.objects.create(
            owner=request.owner, entity=request.entity, title="Nieuw", description="-", time_share_percent=10,
            start=today, end=today + timedelta(days=rng.randint(0, 40)), closing_date=today,
        )  # fmt: skip
        comps = rng.sample(list(Competency.objects.order_by("pk").values_list("pk", flat=True)[:5]), 2)
        TalentRequestCompetency.objects.create(request=request, competency_id=comps[0], level=rng.randint(1, 4))
        TalentRequestCompetency.objects.create(request=request, competency_id=comps[1], level=2, required=False)
    match_refresh_requests(request_ids=[request.pk])


@pytest.mark.parametrize("seed", range(3))
def test_refreshes_after_each_change_keep_the_lists_a_full_rematch_would_give(skills, seed):
    rng = random.Random(10 + seed)
    store_random_market(rng, offers=40, requests=12)
    _parameters(keep=3, min_score=40)  # short lists: offers join, push out and leave full lists
    match_rematch_all()
    today = timezone.localdate()
    for _ in range(25):
        _change(rng, today)
        _assert_equal_to_the_scalar_engine(keep=3, min_score=40)


@pytest.mark.parametrize("seed", range(3))
def test_a_request_refresh_pruned_in_sql_ranks_as_the_scalar_engine(skills, seed, monkeypatch):
    """A refreshed request reads only the offers whose bound (computed in SQL) can reach its list: first
    the best 2N + HEADROOM, then, when they cannot prove the N-th, all that reach the N-th found. With
    short lists and no headroom both happen; each must give the scalar engine's list."""
    monkeypatch.setattr(jobs, "HEADROOM", 0)
    widened = []
    original = load.bounded_offers

    def counting(*args, limit, **kwargs):
        widened.append(limit is None)
        return original(*args, limit=limit, **kwargs)

    monkeypatch.setattr(load, "bounded_offers", counting)
    rng = random.Random(20 + seed)
    store_random_market(rng, offers=60, requests=10)
    _parameters(keep=2, min_score=30)
    for request_id in TalentRequest.objects.values_list("pk", flat=True):
        match_refresh_requests(request_ids=[request_id])
    _assert_equal_to_the_scalar_engine(keep=2, min_score=30)
    assert True in widened and False in widened


@pytest.mark.parametrize("seed", range(3))
def test_the_tier_of_full_fits_gives_the_same_bounded_offers_as_every_offer(skills, seed, monkeypatch):
    """`bounded_offers` reads the offers that reach every wanted level first and answers from them when
    no other offer can reach (`outside_tier_bound`); its answer must be the one from every offer, for
    any floor and limit, including the ties at the last place; both ways must be taken."""
    rng = random.Random(30 + seed)
    store_random_market(rng, offers=80, requests=12)
    TalentOffer.objects.filter(pk__in=TalentOffer.objects.order_by("?").values("pk")[:10]).update(
        status=TalentOffer.Status.CLOSED
    )  # closed offers are in the tier and must not be answered
    today = timezone.localdate()
    requests = load.requests(load.open_requests(today))
    answered_by_tier, tiers = [], []
    original_rows = load._bounded_rows

    def spy(*args, tier, **kwargs):
        rows = original_rows(*args, tier=tier, **kwargs)
        tiers.append(tier is not None)
        return rows

    monkeypatch.setattr(load, "_bounded_rows", spy)
    for r in range(len(requests)):
        for at_least, limit in [(0, None), (40, 3), (60, 1), (70, None), (30, 10), (90, 2), (101, 5)]:
            tiers.clear()
            tiered = load.bounded_offers(requests, r, today, at_least=at_least, limit=limit)
            answered_by_tier.append(tiers == [True])
            monkeypatch.setattr(load, "TIER_MAX", -1)  # no tier: every offer sharing a competency
            everything = load.bounded_offers(requests, r, today, at_least=at_least, limit=limit)
            monkeypatch.setattr(load, "TIER_MAX", 5000)
            (offers, bounds, found), (all_offers, all_bounds, all_found) = tiered, everything
            assert found == all_found and np.array_equal(bounds, all_bounds)
            for name in ("ids", "staff", "home", "own_entity", "start", "end", "share", "levels"):
                assert np.array_equal(getattr(offers, name), getattr(all_offers, name)), name
            assert offers.column == all_offers.column
    assert True in answered_by_tier and False in answered_by_tier


@pytest.mark.parametrize("seed", range(3))
def test_an_offer_refresh_reads_every_list_the_offer_can_enter_or_is_in(skills, seed):
    """`reachable_requests` narrows an offer's candidate requests in SQL by its score bound against each
    list's lowest score; it must keep every request where the offer qualifies and the list is not full,
    or reaches the list's last score (a tie may win on age), or already lists it; and nothing else may
    be read than `candidate_requests`."""
    from mobility.marketplace.matching.engine import score_offer

    rng = random.Random(40 + seed)
    store_random_market(rng, offers=50, requests=14)
    keep, min_score = rng.choice([(2, 30), (3, 40), (5, 20)])
    _parameters(keep=keep, min_score=min_score)
    rematch()
    today = timezone.localdate()
    lists: dict[int, list[tuple[int, int]]] = {}
    for request_id, offer_id, score in Match.objects.values_list("request_id", "offer_id", "score"):
        lists.setdefault(request_id, []).append((score, offer_id))
    narrowed_somewhere = False
    for offer_id in load.active_offers(today).values_list("pk", flat=True):
        offer = load.offers(load.active_offers(today).filter(pk=offer_id))
        candidates = load.requests(load.candidate_requests(offer, today))
        narrowed = load.reachable_requests(offer, today, min_score=min_score, keep=keep)
        reachable = set(narrowed.values_list("pk", flat=True))
        assert reachable <= set(candidates.ids.tolist())
        narrowed_somewhere |= len(reachable) < len(candidates)
        scores, eligible = score_offer(candidates, offer, 0)
        for r, request_id in enumerate(candidates.ids.tolist()):
            listed = lists.get(request_id, [])
            in_list = any(o == offer_id for _s, o in listed)
            qualifies = bool(eligible[r]) and scores[r] >= min_score
            may_enter = qualifies and (len(listed) < keep or scores[r] >= min(s for s, _o in listed))
            if in_list or may_enter:
                assert request_id in reachable, (offer_id, request_id, int(scores[r]), listed)
    assert narrowed_somewhere


def test_outside_tier_bound_is_the_best_an_offer_short_of_one_wanted_level_can_reach():
    from mobility.marketplace.matching.engine import NICE_WEIGHT, PERIOD_WEIGHT, REQUIRED_WEIGHT
    from mobility.marketplace.matching.market import FIT, Requests

    rng = random.Random(9)
    for _ in range(300):
        n, m = rng.randint(1, 5), rng.randint(0, 3)
        wanted = [rng.randint(1, 4) for _ in range(n)]
        rows = [(1, c, lvl, True) for c, lvl in enumerate(wanted)] + [(1, 10 + c, 1, False) for c in range(m)]
        market = Requests.build([(1, 1, 1, 0, 10, 10)], rows)
        # every offer that misses at least one wanted level: its best score with all nice-to-haves and the full period
        best = 0
        for offered in itertools.product(range(5), repeat=n):
            if all(o >= w for o, w in zip(offered, wanted, strict=True)):
                continue
            fit = sum(FIT[w][o] for o, w in zip(offered, wanted, strict=True))
            best = max(best, round(REQUIRED_WEIGHT * fit / n + NICE_WEIGHT + PERIOD_WEIGHT))
        assert load.outside_tier_bound(market, 0) >= best  # a bound: never below what such an offer scores
        assert load.outside_tier_bound(market, 0) <= best + 1  # and tight up to the rounding of the bound


def test_a_second_rematch_writes_nothing(skills):
    store_random_market(random.Random(3), offers=40, requests=12)
    first = rematch()
    assert first.changes.inserted == first.matches > 0
    columns = ("pk", "request_id", "offer_id", "score", "explanation", "computed_at")
    rows = list(Match.objects.order_by("pk").values_list(*columns))
    second = rematch()
    assert (second.changes.inserted, second.changes.updated, second.changes.deleted) == (0, 0, 0)
    assert list(Match.objects.order_by("pk").values_list(*columns)) == rows


def test_a_rematch_after_a_change_writes_only_the_rows_that_moved(skills):
    store_random_market(random.Random(4), offers=40, requests=12)
    _parameters(keep=3, min_score=40)
    rematch()
    before = {(m.request_id, m.offer_id): (m.pk, m.computed_at, m.score) for m in Match.objects.all()}
    offer = TalentOffer.objects.filter(matches__isnull=False).order_by("pk").first()
    touched = set(Match.objects.filter(offer=offer).values_list("request_id", flat=True))
    offer.status = TalentOffer.Status.PAUSED
    offer.save()
    result = rematch()
    after = {(m.request_id, m.offer_id): (m.pk, m.computed_at, m.score) for m in Match.objects.all()}
    # the paused offer's rows are deleted; each list it left may admit one more candidate; nothing else moves
    assert result.changes.deleted == len(touched) and result.changes.updated == 0
    assert result.changes.inserted <= len(touched)
    for pair, row in after.items():
        if pair in before:
            assert row == before[pair]  # same row: not deleted and reloaded, not rewritten
        else:
            assert pair[0] in touched
    _assert_equal_to_the_scalar_engine(keep=3, min_score=40)


def test_a_changed_explanation_with_the_same_score_is_written(skills, offer, talent_request):
    rematch()
    match = Match.objects.get()
    TalentOffer.objects.filter(pk=offer.pk).update(time_share_percent=60)  # not part of the score
    result = rematch()
    assert (result.changes.inserted, result.changes.updated, result.changes.deleted) == (0, 1, 0)
    changed = Match.objects.get()
    assert changed.pk == match.pk and changed.score == match.score
    assert changed.explanation["time_share"] == {"requested": 20, "offered": 60}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_readers_keep_their_list_and_a_refresh_waits_while_a_rematch_writes(skills, monkeypatch):
    require(connection.vendor == "postgresql", "PostgreSQL")
    store_random_market(random.Random(5), offers=40, requests=12)
    rematch()
    request_id = Match.objects.values_list("request_id", flat=True).first()
    listed = list(Match.objects.filter(request_id=request_id).values_list("pk", "offer_id"))
    TalentOffer.objects.filter(pk__in=[o for _pk, o in listed]).update(status=TalentOffer.Status.PAUSED)
    written, release = threading.Event(), threading.Event()
    original = store.mark_first_matched

    def hold(**kwargs):
        original(**kwargs)
        written.set()
        release.wait(10)  # the rematch has written its changes and not committed yet

    monkeypatch.setattr(store, "mark_first_matched", hold)
    done = []

    def run(job):
        try:
            job()
            done.append(job)
        finally:
            connections.close_all()

    rematching = threading.Thread(target=run, args=(rematch,))
    rematching.start()
    assert written.wait(10)
    # another connection still reads the whole list the rematch is replacing
    assert list(Match.objects.filter(request_id=request_id).values_list("pk", "offer_id")) == listed
    monkeypatch.setattr(store, "mark_first_matched", original)
    refreshing = threading.Thread(target=run, args=(lambda: match_refresh_requests(request_ids=[request_id]),))
    refreshing.start()
    time.sleep(0.5)
    assert done == []  # the refresh waits for the rematch's lock
    release.set()
    rematching.join(10)
    refreshing.join(10)
    assert len(done) == 2
    assert not Match.objects.filter(offer_id__in=[o for _pk, o in listed]).exists()


def test_every_matching_job_takes_the_matching_lock(monkeypatch):
    calls = []
    monkeypatch.setattr(store, "lock", lambda: calls.append("lock"))
    jobs.match_refresh_requests(request_ids=[])
    jobs.match_refresh_offers(offer_ids=[])
    jobs.rematch()
    assert calls == ["lock"] * 3
