"""The matching job: pruning, score and explanation, set-wise replacement, the candidate cap."""

from datetime import timedelta

import pytest

from hrportal.parameters.models import PolicyParameter
from mobility.marketplace.matching import match_refresh_offers, match_refresh_requests, match_rematch_all
from mobility.models import Match, TalentOffer
from tests.factories import StaffFactory
from tests.mobility.marketplace.factories import offer_with, request_with, today

pytestmark = pytest.mark.django_db


def test_full_rematch_scores_and_explains_a_match(offer, talent_request, skills):
    # when
    result = match_rematch_all()
    # then
    match = Match.objects.get(request=talent_request, offer=offer)
    assert result == {"requests": 1, "offers": 1, "matches": 1}
    # analysis 3 >= 2 covers fully, planning 2 < 3 covers 2/3; no coaching (nice); offer covers the whole period
    assert match.score == round(70 * (1 + 2 / 3) / 2 + 0 + 20)
    required = {row["competency"]: row for row in match.explanation["required"]}
    assert required[skills["analyse" + "ren"].pk]["offered"] == 3
    assert required[skills["plannen-organiseren"].pk] == {
        "competency": skills["plannen-organiseren"].pk,
        "level": 3,
        "offered": 2,
    }
    assert match.explanation["nice"] == [{"competency": skills["coachen"].pk, "level": 2, "offered": None}]
    assert match.explanation["overlap"]["percent"] == 100
    assert match.explanation["time_share"] == {"requested": 20, "offered": 40}
    talent_request.refresh_from_db()
    assert talent_request.first_matched_at is not None


def test_offers_are_pruned_by_competency_period_share_and_own_entity(talent_request, skills, entity):
    analysis = skills["analyseren"]
    good = offer_with({analysis: 4, skills["plannen-organiseren"]: 4}, staff=StaffFactory(entity=entity))
    offer_with({skills["samenwerken"]: 4}, staff=StaffFactory(entity=entity))  # no required competency
    offer_with(
        {analysis: 4, skills["plannen-organiseren"]: 4},
        staff=StaffFactory(entity=entity),
        start=talent_request.end + timedelta(days=1),
        end=talent_request.end + timedelta(days=30),
    )
    offer_with(
        {analysis: 4, skills["plannen-organiseren"]: 4}, staff=StaffFactory(entity=entity), time_share_percent=10
    )
    offer_with(
        {analysis: 4, skills["plannen-organiseren"]: 4},
        staff=StaffFactory(entity=entity),
        where=TalentOffer.Where.OWN_ENTITY,
    )
    offer_with({analysis: 4, skills["plannen-organiseren"]: 4}, staff=talent_request.owner)  # own request
    match_rematch_all()
    assert list(Match.objects.values_list("offer_id", flat=True)) == [good.pk]


def test_own_entity_offer_matches_a_request_of_its_entity(skills, entity):
    staff = StaffFactory(entity=entity)
    offer = offer_with({skills["analyseren"]: 3}, staff=staff, where=TalentOffer.Where.OWN_ENTITY)
    item = request_with({skills["analyseren"]: 2}, entity=entity)
    match_refresh_requests(request_ids=[item.pk])
    assert Match.objects.filter(request=item, offer=offer).exists()


def test_score_below_the_minimum_is_not_listed_and_the_minimum_itself_is(skills, entity):
    item = request_with({skills["analyseren"]: 2, skills["coachen"]: 2, skills["samenwerken"]: 2})
    offer = offer_with({skills["analyseren"]: 2}, staff=StaffFactory(entity=entity))
    # 70 * 1/3 + 10 (no nice-to-haves) + 20 (full period) = 53.3 -> 53
    PolicyParameter.objects.create(key="mobility.marketplace.min_match_score", value=53, valid_from=today())
    match_refresh_requests(request_ids=[item.pk])
    assert Match.objects.get(request=item, offer=offer).score == 53
    PolicyParameter.objects.filter(key="mobility.marketplace.min_match_score").update(value=54)
    match_refresh_requests(request_ids=[item.pk])
    assert not Match.objects.filter(request=item).exists()


def test_only_the_best_candidates_per_request_are_kept(skills, entity):
    PolicyParameter.objects.create(key="mobility.marketplace.candidates_per_request", value=2, valid_from=today())
    item = request_with({skills["analyseren"]: 4})
    offers = [offer_with({skills["analyseren"]: level}, staff=StaffFactory(entity=entity)) for level in (4, 3, 2, 4)]
    match_rematch_all()
    # two full-level offers win; the older one is ranked first on a tie
    assert list(Match.objects.filter(request=item).values_list("offer_id", flat=True)) == [offers[0].pk, offers[3].pk]


def test_refresh_of_a_changed_request_replaces_only_its_matches(offer, talent_request, skills):
    other = request_with({skills["analyseren"]: 1})
    match_rematch_all()
    kept = Match.objects.get(request=other)
    talent_request.status = talent_request.Status.PAUSED
    talent_request.save()
    match_refresh_requests(request_ids=[talent_request.pk])
    assert not Match.objects.filter(request=talent_request).exists()
    assert Match.objects.filter(pk=kept.pk).exists()


def test_refresh_of_a_new_offer_joins_the_requests_where_it_beats_the_last_candidate(skills, entity):
    PolicyParameter.objects.create(key="mobility.marketplace.candidates_per_request", value=1, valid_from=today())
    item = request_with({skills["analyseren"]: 4})
    weak = offer_with({skills["analyseren"]: 2}, staff=StaffFactory(entity=entity))
    match_rematch_all()
    assert list(Match.objects.values_list("offer_id", flat=True)) == [weak.pk]
    strong = offer_with({skills["analyseren"]: 4}, staff=StaffFactory(entity=entity))
    match_refresh_offers(offer_ids=[strong.pk])
    assert list(Match.objects.filter(request=item).values_list("offer_id", flat=True)) == [strong.pk]
    weaker = offer_with({skills["analyseren"]: 1}, staff=StaffFactory(entity=entity))
    match_refresh_offers(offer_ids=[weaker.pk])
    assert list(Match.objects.filter(request=item).values_list("offer_id", flat=True)) == [strong.pk]


def test_closed_offer_loses_its_matches(offer, talent_request):
    match_rematch_all()
    offer.status = TalentOffer.Status.CLOSED
    offer.save()
    match_refresh_offers(offer_ids=[offer.pk])
    assert not Match.objects.exists()


def test_partial_period_overlap_counts_in_proportion(skills, entity):
    item = request_with(
        {skills["analyseren"]: 1}, start=today() + timedelta(days=10), end=today() + timedelta(days=109)
    )
    offer_with({skills["analyseren"]: 1}, staff=StaffFactory(entity=entity), end=today() + timedelta(days=59))
    match_rematch_all()
    match = Match.objects.get(request=item)
    assert match.explanation["overlap"] == {
        "start": item.start.isoformat(),
        "end": (today() + timedelta(days=59)).isoformat(),
        "days": 50,
        "percent": 50,
    }
    assert match.score == 70 + 10 + 10


def test_a_full_list_that_loses_an_offer_admits_the_next_candidate(skills, entity):
    PolicyParameter.objects.create(key="mobility.marketplace.candidates_per_request", value=1, valid_from=today())
    item = request_with({skills["analyseren"]: 4})
    strong = offer_with({skills["analyseren"]: 4}, staff=StaffFactory(entity=entity))
    weak = offer_with({skills["analyseren"]: 3}, staff=StaffFactory(entity=entity))
    match_rematch_all()
    assert list(Match.objects.filter(request=item).values_list("offer_id", flat=True)) == [strong.pk]
    TalentOffer.objects.filter(pk=strong.pk).update(status=TalentOffer.Status.PAUSED)
    match_refresh_offers(offer_ids=[strong.pk])
    assert list(Match.objects.filter(request=item).values_list("offer_id", flat=True)) == [weak.pk]
