"""Pages: forms show service errors, lists stay within a fixed number of queries whatever the data size."""

from datetime import timedelta

import pytest
from django.test import Client

from mobility.marketplace.matching import match_rematch_all
from mobility.models import TalentApplication, TalentOffer, TalentRequest
from tests.factories import StaffFactory
from tests.mobility.marketplace.factories import TalentApplicationFactory, offer_with, request_with, today

pytestmark = pytest.mark.django_db
M = "/mobility/marketplace"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _market(n, skills, entity, requester, other_entity, provider_offer):
    for _ in range(n):
        offer_with({skills["analyseren"]: 3, skills["coachen"]: 2}, staff=StaffFactory(entity=entity))
        item = request_with({skills["analyseren"]: 2}, {skills["coachen"]: 1}, owner=requester, entity=other_entity)
        TalentApplicationFactory(request=item, offer=provider_offer)
    match_rematch_all()


@pytest.mark.parametrize("n", [2, 12])
def test_marketplace_pages_make_a_bounded_number_of_queries(
    n,
    skills,
    entity,
    requester,
    other_entity,
    offer,
    talent_request,
    central_hr,
    line_manager,
    django_assert_max_num_queries,
):
    _market(n, skills, entity, requester, other_entity, offer)
    pages = [
        (requester.user, f"{M}/requests/{talent_request.pk}/candidates/", 16),
        (requester.user, f"{M}/requests/{talent_request.pk}/candidates/?competency={skills['coachen'].pk}", 16),
        (requester.user, f"/api/mobility/marketplace/requests/{talent_request.pk}/candidates/", 14),
        (offer.staff.user, f"{M}/for-you/", 16),
        (offer.staff.user, f"{M}/for-you/?q=Vraag&max_share=50", 16),
        (offer.staff.user, "/api/mobility/marketplace/for-you/", 14),
        (offer.staff.user, f"{M}/requests/", 16),
        (offer.staff.user, f"{M}/offers/", 12),
        (offer.staff.user, f"{M}/requests/{talent_request.pk}/", 16),
        (requester.user, f"{M}/requests/{talent_request.pk}/", 16),
        (offer.staff.user, "/mobility/", 14),
        (requester.user, f"{M}/applications/", 14),
        (line_manager.user, f"{M}/applications/", 14),
        (requester.user, f"{M}/assignments/", 12),
        (central_hr, f"{M}/market/", 16),
    ]
    for user, url, budget in pages:
        client = client_for(user)
        with django_assert_max_num_queries(budget):
            response = client.get(url)
        assert response.status_code == 200, url


def test_candidates_page_ranks_and_explains(offer, talent_request, skills):
    match_rematch_all()
    response = client_for(talent_request.owner.user).get(f"{M}/requests/{talent_request.pk}/candidates/")
    text = response.content.decode()
    assert offer.staff.full_name in text
    assert skills["plannen-organiseren"].name in text
    assert "100%" in text


def test_candidate_search_filters_by_text_and_competency(offer, talent_request, skills, entity):
    other = offer_with(
        {skills["analyseren"]: 4, skills["plannen-organiseren"]: 4}, staff=StaffFactory(entity=entity), title="Planner"
    )
    match_rematch_all()
    client = client_for(talent_request.owner.user)
    url = f"{M}/requests/{talent_request.pk}/candidates/"
    assert len(client.get(url).context["matches"]) == 2
    assert [m.offer_id for m in client.get(url, {"q": "Planner"}).context["matches"]] == [other.pk]
    assert [m.offer_id for m in client.get(url, {"min_share": 41}).context["matches"]] == []
    period = {"period_from": (today() + timedelta(days=400)).isoformat()}
    assert list(client.get(url, period).context["matches"]) == []


def test_offer_form_shows_the_service_error_and_keeps_nothing(staff_member, skills):
    client = client_for(staff_member.user)
    data = {
        "title": "Analyses",
        "description": "",
        "time_share_percent": "20",
        "where": "any_entity",
        "start": today().isoformat(),
        "end": (today() - timedelta(days=1)).isoformat(),
        "comp-TOTAL_FORMS": "2",
        "comp-INITIAL_FORMS": "0",
        "comp-0-competency": str(skills["analyseren"].pk),
        "comp-0-level": "3",
    }
    response = client.post(f"{M}/offers/new/", data)
    assert response.status_code == 200
    assert "De einddatum" in response.content.decode() or "end date" in response.content.decode()
    assert not TalentOffer.objects.exists()
    data["end"] = (today() + timedelta(days=30)).isoformat()
    response = client.post(f"{M}/offers/new/", data)
    assert response.status_code == 302
    assert TalentOffer.objects.get().competencies.get().level == 3


def test_request_form_publishes_with_required_and_nice_competencies(requester, other_entity, skills):
    client = client_for(requester.user)
    data = {
        "title": "Projectanalist",
        "description": "Analyse",
        "entity": str(other_entity.pk),
        "time_share_percent": "20",
        "start": today().isoformat(),
        "end": (today() + timedelta(days=60)).isoformat(),
        "closing_date": (today() + timedelta(days=10)).isoformat(),
        "comp-TOTAL_FORMS": "3",
        "comp-INITIAL_FORMS": "0",
        "comp-0-competency": str(skills["analyseren"].pk),
        "comp-0-level": "2",
        "comp-0-required": "on",
        "comp-1-competency": str(skills["coachen"].pk),
        "comp-1-level": "1",
    }
    response = client.post(f"{M}/requests/new/", data)
    assert response.status_code == 302
    item = TalentRequest.objects.get()
    assert sorted(item.competencies.values_list("competency__code", "required")) == [
        ("analyseren", True),
        ("coachen", False),
    ]


def test_refusal_without_reason_is_shown_and_changes_nothing(offer, talent_request, line_manager):
    application = TalentApplicationFactory(request=talent_request, offer=offer)
    client = client_for(line_manager.user)
    response = client.post(f"{M}/applications/{application.pk}/refuse/", {"reason": ""}, follow=True)
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == TalentApplication.Status.AWAITING_CONSENT
    assert "reden" in response.content.decode().lower() or "reason" in response.content.decode().lower()


def test_home_page_links_marketplace_and_international(staff_member):
    text = client_for(staff_member.user).get("/mobility/").content.decode()
    assert "/mobility/international/" in text
    assert f"{M}/offers/" in text
    assert f"{M}/for-you/" in text


def test_waiting_items_reach_the_portal_home_page(offer, talent_request, line_manager):
    TalentApplicationFactory(request=talent_request, offer=offer)
    text = client_for(line_manager.user).get("/").content.decode()
    assert f"{M}/applications/#consent" in text


def test_hr_and_line_managers_see_the_offers_of_their_scope(offer, hr_officer, line_manager, outsider, skills):
    other = offer_with({skills["coachen"]: 2}, staff=outsider)
    for user in (hr_officer, line_manager.user):
        offers = list(client_for(user).get(f"{M}/offers/").context["scoped_offers"])
        assert offer in offers
        assert other not in offers
    assert "scoped_offers" not in client_for(offer.staff.user).get(f"{M}/offers/").context


def test_request_page_tells_the_provider_why_their_offer_fits(offer, talent_request):
    match_rematch_all()
    response = client_for(offer.staff.user).get(f"{M}/requests/{talent_request.pk}/")
    assert response.context["my_match"].offer == offer
    assert offer.title in response.content.decode()


def test_lists_show_the_application_status_instead_of_acting_twice(offer, talent_request):
    match_rematch_all()
    TalentApplicationFactory(request=talent_request, offer=offer)
    label = str(TalentApplication.Status.AWAITING_CONSENT.label)
    candidates = client_for(talent_request.owner.user).get(f"{M}/requests/{talent_request.pk}/candidates/")
    assert candidates.context["applied"] == {f"{talent_request.pk}-{offer.pk}": label}
    assert f"{M}/requests/{talent_request.pk}/invite/" not in candidates.content.decode()
    for_you = client_for(offer.staff.user).get(f"{M}/for-you/")
    assert for_you.context["applied"] == {f"{talent_request.pk}-{offer.pk}": label}
