"""The vectorised engine gives the scalar engine's scores, ranks and explanations (issue 13).

In memory, no database: random markets built in both shapes (`random_market.py`), with short periods and
few levels so that ties and values ending in .5 are frequent.
"""

import json
import random

import numpy as np
import pytest

from mobility.marketplace.matching import engine
from mobility.marketplace.matching.engine import Bound, rank_all, rank_request, request_scores, score_offer
from mobility.marketplace.matching.explain import digests, explanation_texts
from mobility.marketplace.matching.market import Offers, Requests
from tests.mobility.marketplace import scalar_matching as scalar
from tests.mobility.marketplace.random_market import BASE, random_market


def _ranked_ids(ranked, offers):
    return [(int(s), int(offers.ids[o])) for o, s in zip(ranked.offers, ranked.scores, strict=True)]


@pytest.mark.parametrize("seed", range(40))
def test_ranking_equals_the_scalar_engine_on_random_markets(seed):
    rng = random.Random(seed)
    for _ in range(10):
        (s_requests, s_offers, index), (requests, offers) = random_market(
            rng, offers=rng.randint(0, 150), requests=rng.randint(1, 12), competencies=rng.choice([1, 2, 3, 6, 10])
        )
        keep, min_score = rng.choice([1, 2, 3, 5, 50]), rng.choice([0, 30, 50, 53, 70, 90, 100])
        ranked = rank_all(requests, offers, keep=keep, min_score=min_score)
        for r, item in enumerate(s_requests):
            expected = scalar.rank(item, s_offers, index, keep=keep, min_score=min_score)
            assert _ranked_ids(ranked[r], offers) == expected, (seed, item.id, keep, min_score)


def test_random_markets_hold_ties_and_halves():
    """The comparison above is only worth something if ties and .5 values occur: check they do."""
    rng = random.Random(1)
    ties = halves = 0
    for _ in range(30):
        (s_requests, s_offers, index), _arrays = random_market(rng, offers=80, requests=8, competencies=3)
        for item in s_requests:
            kept = scalar.rank(item, s_offers, index, keep=50, min_score=0)
            ties += len(kept) - len({value for value, _oid in kept})
            for offer in s_offers.values():
                if item.required and scalar.eligible(item, offer):
                    fit = sum(scalar._fit(offer.competencies.get(c), lvl) for c, lvl in item.required)
                    nice = 10 * sum(c in offer.competencies for c, _ in item.nice) / len(item.nice) if item.nice else 10
                    overlap = (min(offer.end, item.end) - max(offer.start, item.start)).days + 1
                    value = 70 * fit / len(item.required) + nice + 20 * overlap / ((item.end - item.start).days + 1)
                    halves += value % 1 == 0.5
    assert ties > 100
    assert halves > 20


@pytest.mark.parametrize("seed", range(10))
def test_every_score_and_eligibility_equals_the_scalar_engine(seed):
    """Not only the kept ones: every pair, through both the per-request and the per-offer path."""
    rng = random.Random(100 + seed)
    (s_requests, s_offers, _index), (requests, offers) = random_market(rng, offers=60, requests=10, competencies=4)
    bound = Bound.bind(requests, offers)
    for r, item in enumerate(s_requests):
        if not item.required:
            continue
        scores, eligible = request_scores(bound, requests, offers, r, np.arange(len(offers)))
        for o, oid in enumerate(offers.ids.tolist()):
            offer = s_offers[oid]
            shares = any(c in offer.competencies for c, _ in item.required)
            assert bool(eligible[o]) == (shares and scalar.eligible(item, offer))
            assert int(scores[o]) == scalar.score(item, offer)
    for o, oid in enumerate(offers.ids.tolist()):
        scores, eligible = score_offer(requests, offers, o)
        for r, item in enumerate(s_requests):
            if item.required:
                assert int(scores[r]) == scalar.score(item, s_offers[oid])


@pytest.mark.parametrize("seed", range(10))
def test_explanations_equal_the_scalar_engine(seed):
    rng = random.Random(200 + seed)
    (s_requests, s_offers, _index), (requests, offers) = random_market(rng, offers=80, requests=10, competencies=5)
    ranked = rank_all(requests, offers, keep=10, min_score=0)
    checked = 0
    for r, item in enumerate(s_requests):
        texts = explanation_texts(requests, offers, r, ranked[r].offers)
        for text, o in zip(texts, ranked[r].offers.tolist(), strict=True):
            assert json.loads(text) == scalar.explanation(item, s_offers[int(offers.ids[o])])
            checked += 1
    assert checked > 20


def test_explanation_text_is_in_the_canonical_jsonb_form():
    requests = Requests.build([(1, 5, 7, BASE.toordinal(), BASE.toordinal() + 9, 20)], [(1, 30, 3, True)])
    offers = Offers.build([(4, 6, 7, False, BASE.toordinal() - 3, BASE.toordinal() + 4, 40)], [(4, 30, 2)])
    (text,) = explanation_texts(requests, offers, 0, np.array([0]))
    assert text == (
        '{"nice": [], "overlap": {"end": "2026-03-05", "days": 5, "start": "2026-03-01", "percent": 50}, '
        '"required": [{"level": 3, "offered": 2, "competency": 30}], "time_share": {"offered": 40, "requested": 20}}'
    )


@pytest.mark.parametrize("seed", range(5))
def test_two_explanations_have_the_same_digest_exactly_when_they_are_equal(seed):
    """The digest is computed from the explanation's values, not its text: check it against the text on
    every pair of random markets (and across markets: requests of one are offers' neighbours in another)."""
    rng = random.Random(300 + seed)
    seen: dict[int, str] = {}
    for _ in range(3):
        _scalar, (requests, offers) = random_market(rng, offers=60, requests=8, competencies=4)
        for r in range(len(requests)):
            positions = np.arange(len(offers))
            texts = explanation_texts(requests, offers, r, positions)
            values = digests(requests, offers, np.full(len(positions), r), positions)
            for text, value in zip(texts, values.tolist(), strict=True):
                assert seen.setdefault(value, text) == text
    assert len(set(seen.values())) == len(seen) > 500


def test_a_change_outside_the_explanation_keeps_its_digest():
    start = BASE.toordinal()
    requests = Requests.build([(1, 5, 7, start, start + 9, 20)], [(1, 30, 3, True), (1, 31, 1, False)])
    before = Offers.build([(4, 6, 7, False, start - 3, start + 4, 40)], [(4, 30, 2), (4, 32, 4)])
    after = Offers.build([(4, 6, 7, False, start - 9, start + 4, 40)], [(4, 30, 2), (4, 33, 1)])
    moved = Offers.build([(4, 6, 7, False, start - 9, start + 5, 40)], [(4, 30, 2)])
    one = (np.array([0]), np.array([0]))
    assert digests(requests, before, *one)[0] == digests(requests, after, *one)[0]  # same overlap, same levels
    assert digests(requests, before, *one)[0] != digests(requests, moved, *one)[0]  # the overlap ends later


def test_a_tie_goes_to_the_older_offer_and_a_half_rounds_to_even():
    start = BASE.toordinal()
    # request: one required competency at level 2, 4 days; offers: level 1 (fit 0.5: 35 points)
    requests = Requests.build([(1, 99, 7, start, start + 3, 10)], [(1, 30, 2, True)])
    rows = [
        (10, 1, 7, False, start, start + 3, 10),  # 35 + 10 + 20 = 65
        (11, 2, 7, False, start + 2, start + 3, 10),  # 35 + 10 + 10 = 55
        (12, 3, 7, False, start, start + 3, 10),  # 65, younger than offer 10
        (13, 4, 7, False, start + 3, start + 3, 10),  # 35 + 10 + 5 = 50
    ]
    offers = Offers.build(rows, [(oid, 30, 1) for oid, *_ in rows])
    ranked = rank_all(requests, offers, keep=3, min_score=0)[0]
    assert _ranked_ids(ranked, offers) == [(65, 10), (65, 12), (55, 11)]
    # level 3 of 4 wanted: 52.5, the nice-to-have missing: 0, the whole period: 20 -> 72.5, rounded to
    # the even 72 as Python's round does (not 73)
    requests = Requests.build([(2, 99, 7, start, start + 7, 10)], [(2, 30, 4, True), (2, 31, 4, False)])
    offers = Offers.build([(20, 1, 7, False, start, start + 7, 10)], [(20, 30, 3)])
    assert rank_all(requests, offers, keep=1, min_score=0)[0].scores.tolist() == [72]


def test_a_request_without_required_competencies_or_offers_has_no_candidates():
    start = BASE.toordinal()
    requests = Requests.build([(1, 99, 7, start, start + 3, 10)], [(1, 30, 2, False)])
    offers = Offers.build([(10, 1, 7, False, start, start + 3, 10)], [(10, 30, 4)])
    assert len(rank_all(requests, offers, keep=5, min_score=0)[0].offers) == 0
    requests = Requests.build([(1, 99, 7, start, start + 3, 10)], [(1, 30, 2, True)])
    assert len(rank_all(requests, Offers.build([], []), keep=5, min_score=0)[0].offers) == 0
    assert len(rank_all(requests, offers, keep=0, min_score=0)[0].offers) == 0


def test_large_tie_blocks_are_cut_at_the_older_offers(monkeypatch):
    """Thousands of offers with the same full score: the kept ones are the oldest, found without
    scoring them all (the walk stops once the N-th beats every bound left)."""
    start = BASE.toordinal()
    requests = Requests.build([(1, 99, 7, start, start + 30, 10)], [(1, 30, 2, True)])
    rows = [(oid, oid, 7, False, start - 5, start + 60, 50) for oid in range(1, 3001)]
    offers = Offers.build(rows, [(oid, 30, 3) for oid in range(1, 3001)])
    bound = Bound.bind(requests, offers)
    scored = []
    original = request_scores

    def counting(bound, requests, offers, r, positions):
        scored.append(len(positions))
        return original(bound, requests, offers, r, positions)

    monkeypatch.setattr(engine, "request_scores", counting)
    ranked = rank_request(bound, requests, offers, 0, keep=50, min_score=50)
    assert ranked.offers.tolist() == list(range(50)) and set(ranked.scores.tolist()) == {100}
    assert sum(scored) < 200


@pytest.mark.parametrize("seed", range(5))
def test_a_digest_does_not_depend_on_the_other_pairs_asked_with_it(seed):
    """`digests` reads only the requests it is asked about (a refreshed offer asks for a few of thousands):
    pairs in any order, repeated, or alone give each pair the digest it has among all pairs."""
    rng = random.Random(500 + seed)
    _scalar, (requests, offers) = random_market(rng, offers=40, requests=9, competencies=5)
    ri = np.repeat(np.arange(len(requests)), len(offers))
    oi = np.tile(np.arange(len(offers)), len(requests))
    everything = digests(requests, offers, ri, oi)
    chosen = np.array(rng.sample(range(len(ri)), 25) * 2)  # unsorted, some requests left out, repeated
    assert digests(requests, offers, ri[chosen], oi[chosen]).tolist() == everything[chosen].tolist()
    for k in chosen[:5].tolist():
        assert digests(requests, offers, ri[k : k + 1], oi[k : k + 1])[0] == everything[k]


@pytest.mark.parametrize("seed", range(5))
def test_one_offers_score_bound_is_the_engines_and_never_below_its_score(seed):
    """`score_bound` (used by the SQL of the refreshes) gives, offer by offer, the bound `_Bounds` gives
    all offers at once, and no eligible offer scores above it."""
    rng = random.Random(60 + seed)
    _scalar, (requests, offers) = random_market(rng, offers=120, requests=10, competencies=rng.choice([2, 3, 6]))
    bound = Bound.bind(requests, offers)
    for r in range(len(requests)):
        n, m = len(requests.required[r]), len(requests.nice[r])
        bounds = engine._Bounds(bound, offers, r)
        if not n or bounds.key is None:
            continue
        scores, eligible = request_scores(bound, requests, offers, r, np.arange(len(offers)))
        for o in range(len(offers)):
            f12 = int(bounds.fit12[o])
            nice = sum(int(offers.levels[offers.column[c], o] > 0) for c, _l in requests.nice[r] if c in offers.column)
            expected = (int(bounds.key[o]) + bounds.denominator // 2) // bounds.denominator + bounds.extra
            assert engine.score_bound(n, m, f12, nice) == expected
            assert not eligible[o] or scores[o] <= expected


def test_the_sql_score_bound_computes_the_same_integers():
    import sqlite3

    connection = sqlite3.connect(":memory:")
    rng = random.Random(5)
    for _ in range(500):
        n, m = rng.randint(1, 6), rng.randint(0, 4)
        f12, nice = rng.randint(0, 12 * n), rng.randint(0, m)
        sql = engine.score_bound_sql(str(n), str(m), str(f12), str(nice))
        assert connection.execute(f"SELECT {sql}").fetchone()[0] == engine.score_bound(n, m, f12, nice)
