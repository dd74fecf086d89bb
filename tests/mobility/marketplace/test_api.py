"""The REST API under /api/mobility/marketplace/: the same services, 400 with field errors, the whole flow."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from mobility.marketplace.matching import match_rematch_all
from mobility.models import Assignment, TalentApplication, TalentOffer
from tests.factories import EntityFactory, StaffFactory
from tests.mobility.marketplace.factories import offer_with, today

pytestmark = pytest.mark.django_db
A = "/api/mobility/marketplace"


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def offer_body(skills, **changes):
    body = {
        "title": "Analyses",
        "time_share_percent": 40,
        "start": today().isoformat(),
        "end": (today() + timedelta(days=200)).isoformat(),
        "languages": ["nl"],
        "competencies": [
            {"competency": skills["analyseren"].pk, "level": 3},
            {"competency": skills["plannen-organiseren"].pk, "level": 3},
        ],
    }
    body.update(changes)
    return body


def test_offer_create_answers_400_with_field_errors_and_stores_nothing(staff_member, skills):
    client = api(staff_member.user)
    response = client.post(f"{A}/offers/", offer_body(skills, time_share_percent=0), format="json")
    assert response.status_code == 400
    assert "time_share_percent" in response.json()
    response = client.post(
        f"{A}/offers/", offer_body(skills, end=(today() - timedelta(days=1)).isoformat()), format="json"
    )
    assert response.status_code == 400
    assert "end" in response.json()
    assert not TalentOffer.objects.exists()


def test_offer_cannot_be_created_for_someone_else(staff_member, skills, colleague):
    response = api(staff_member.user).post(f"{A}/offers/", offer_body(skills, staff=colleague.pk), format="json")
    assert response.status_code == 201
    assert response.json()["staff"] == staff_member.pk


def test_whole_flow_through_the_api(staff_member, line_manager, requester, other_entity, skills):
    provider, manager, owner = api(staff_member.user), api(line_manager.user), api(requester.user)
    offer = provider.post(f"{A}/offers/", offer_body(skills), format="json").json()
    created = owner.post(
        f"{A}/requests/",
        {
            "title": "Analist",
            "description": "Analyses",
            "entity": other_entity.pk,
            "time_share_percent": 20,
            "start": today().isoformat(),
            "end": (today() + timedelta(days=90)).isoformat(),
            "closing_date": (today() + timedelta(days=10)).isoformat(),
            "competencies": [{"competency": skills["analyseren"].pk, "level": 2, "required": True}],
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    request_id = created.json()["id"]
    match_rematch_all()  # the job (on commit in production)
    candidates = owner.get(f"{A}/requests/{request_id}/candidates/").json()["results"]
    assert [c["offer"]["id"] for c in candidates] == [offer["id"]]
    assert candidates[0]["explanation"]["required"][0]["offered"] == 3
    for_you = provider.get(f"{A}/for-you/").json()["results"]
    assert [m["request"]["id"] for m in for_you] == [request_id]

    applied = provider.post(f"{A}/requests/{request_id}/apply/", {"offer": offer["id"]}, format="json")
    assert applied.status_code == 201, applied.json()
    application_id = applied.json()["id"]
    refused = manager.post(f"{A}/applications/{application_id}/refuse/", {"reason": ""}, format="json")
    assert refused.status_code == 400
    assert "reason" in refused.json()
    assert manager.post(f"{A}/applications/{application_id}/consent/").json()["status"] == "consented"
    accepted = owner.post(f"{A}/applications/{application_id}/accept/")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == TalentApplication.Status.ACCEPTED
    assert Assignment.objects.get().time_share_percent == 20
    assert [a["staff"] for a in provider.get(f"{A}/assignments/").json()["results"]] == [staff_member.pk]


def test_apply_with_someone_elses_offer_answers_404(offer, talent_request, colleague):
    colleague_user = api(offer.staff.user)
    other = TalentOffer.objects.create(
        staff=talent_request.owner, title="x", time_share_percent=10, start=today(), end=today()
    )
    response = colleague_user.post(f"{A}/requests/{talent_request.pk}/apply/", {"offer": other.pk}, format="json")
    assert response.status_code == 404


def test_openapi_schema_builds_without_warnings():
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_offer_update_replaces_competencies_and_rematches(
    offer, talent_request, skills, hr_officer, django_capture_on_commit_callbacks
):
    match_rematch_all()
    assert offer.matches.exists()
    body = offer_body(skills, competencies=[{"competency": skills["coachen"].pk, "level": 2}])
    assert api(hr_officer).put(f"{A}/offers/{offer.pk}/", body, format="json").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = api(offer.staff.user).put(f"{A}/offers/{offer.pk}/", body, format="json")
    assert response.status_code == 200
    assert response.json()["competencies"] == [{"competency": skills["coachen"].pk, "level": 2}]
    assert not offer.matches.exists()  # coaching is only nice to have for this request


def test_request_transitions_through_the_api(talent_request, offer):
    owner = api(talent_request.owner.user)
    assert owner.post(f"{A}/requests/{talent_request.pk}/pause/").json()["status"] == "paused"
    again = owner.post(f"{A}/requests/{talent_request.pk}/pause/")
    assert again.status_code == 400
    assert owner.post(f"{A}/requests/{talent_request.pk}/close/").json()["status"] == "closed"
    # a closed request leaves the public marketplace: a stranger can no longer find it
    assert (
        api(offer.staff.user).post(f"{A}/requests/{talent_request.pk}/apply/", {"offer": offer.pk}).status_code == 404
    )


def test_candidates_filter_by_entity_and_competency_and_refuse_unknown_ids(offer, talent_request, skills, entity):
    """The entity and competency filters take ids of existing rows (one rule for page and API): a known
    id narrows the list, an unknown or malformed one is a 400 naming the field, never an empty 200."""
    elsewhere = EntityFactory(name="Agentschap Elders")
    other = offer_with(
        {skills["analyseren"]: 3, skills["plannen-organiseren"]: 3}, staff=StaffFactory(entity=elsewhere)
    )
    match_rematch_all()
    owner = api(talent_request.owner.user)
    url = f"{A}/requests/{talent_request.pk}/candidates/"

    def ids(**query):
        response = owner.get(url, query)
        assert response.status_code == 200, response.json()
        return sorted(c["offer"]["id"] for c in response.json()["results"])

    assert ids() == sorted([offer.pk, other.pk])
    assert ids(entity=elsewhere.pk) == [other.pk]
    assert ids(entity=entity.pk) == [offer.pk]
    assert ids(competency=skills["analyseren"].pk) == sorted([offer.pk, other.pk])
    assert ids(competency=skills["coachen"].pk) == []
    for query in ({"entity": 999999}, {"entity": "abc"}, {"competency": 999999}):
        refused = owner.get(url, query)
        assert refused.status_code == 400 and list(query) == list(refused.json()), refused.json()
