"""The ranked candidates read what they show of the offer and its staff member as columns of the match (on the
page's rows only), and the API writes its rows out by hand: both must show exactly what the models hold."""

import re

import pytest
from django.db import connection
from django.template import RequestContext, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework import serializers
from rest_framework.test import APIClient

from hrportal.models import Competency
from mobility.marketplace import selectors as sel
from mobility.marketplace.matching import match_rematch_all
from mobility.marketplace.serializers import CandidateSerializer
from mobility.marketplace.templatetags import candidate_rows
from mobility.models import Match
from tests.factories import EntityFactory, StaffFactory
from tests.mobility.marketplace.factories import TalentApplicationFactory, offer_with

pytestmark = pytest.mark.django_db
URL = "/api/mobility/marketplace/requests/{}/candidates/"


@pytest.fixture
def market(skills, talent_request, offer):
    """Offers of staff in three entities, some with equal scores (ties are ranked by the older offer)."""
    entities = [EntityFactory(name=f"Afdeling {n}") for n in range(3)]
    for n in range(9):
        staff = StaffFactory(entity=entities[n % 3], first_name=f"Voornaam{n}", last_name=f"Achternaam {n % 4}")
        offer_with({skills["analyseren"]: 2 + n % 3, skills["coachen"]: 1 + n % 2}, staff=staff, title=f"Aanbod {n}")
    match_rematch_all()
    return talent_request


def _expected(match: Match) -> dict:
    """A candidate as the models say it: the offer, its staff member and their entity, read one by one."""
    offer = match.offer
    return {
        "id": match.pk,
        "score": match.score,
        "explanation": match.explanation,
        "offer": {
            "id": offer.pk,
            "title": offer.title,
            "staff": offer.staff_id,
            "staff_name": offer.staff.full_name,
            "entity_name": offer.staff.entity.name,
            "time_share_percent": offer.time_share_percent,
            "start": offer.start.isoformat(),
            "end": offer.end.isoformat(),
        },
    }


def test_api_rows_are_what_the_models_hold_and_what_the_declared_fields_give(market):
    owner = APIClient()
    owner.force_authenticate(market.owner.user)
    rows = owner.get(URL.format(market.pk)).json()["results"]
    matches = list(Match.objects.filter(request=market).order_by("-score", "offer_id"))
    assert len(rows) == len(matches) == 10
    assert [row["score"] for row in rows] == sorted((row["score"] for row in rows), reverse=True)
    generic = serializers.ModelSerializer.to_representation
    annotated = sel.candidates_for_request(request=market).annotate(**sel.CANDIDATE_COLUMNS)
    for row, match, with_columns in zip(rows, matches, annotated, strict=True):
        computed_at = row.pop("computed_at")
        assert row == _expected(match)
        # the hand-written rows equal DRF's walk of the declared fields (what the OpenAPI schema describes)
        declared = generic(CandidateSerializer(), with_columns)
        assert CandidateSerializer().to_representation(with_columns) == declared
        assert computed_at == declared["computed_at"]


def test_page_shows_each_candidate_and_counts_without_joining(market, central_hr):
    owner = Client()
    owner.force_login(market.owner.user)
    with CaptureQueriesContext(connection) as queries:
        response = owner.get(f"/mobility/marketplace/requests/{market.pk}/candidates/")
    text = response.content.decode()
    for match in Match.objects.filter(request=market).select_related("offer__staff__entity"):
        staff = match.offer.staff
        assert staff.full_name in text
        assert f"{match.offer.title} · {staff.entity.name} · {match.offer.time_share_percent}%" in text
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] and "mobility_match" in q["sql"]]
    assert len(counts) == 1
    assert "JOIN" not in counts[0]
    assert response.context["paginator"].count == 10


def test_the_application_status_is_read_for_the_requester_only(market, offer, central_hr):
    TalentApplicationFactory(request=market, offer=offer)
    url = f"/mobility/marketplace/requests/{market.pk}/candidates/"
    owner, central = Client(), Client()
    owner.force_login(market.owner.user)
    central.force_login(central_hr)
    with CaptureQueriesContext(connection) as as_owner:
        owner_page = owner.get(url)
    with CaptureQueriesContext(connection) as as_central:
        central_page = central.get(url)
    applications = "mobility_talentapplication"
    assert any(applications in q["sql"] for q in as_owner.captured_queries)
    assert not any(applications in q["sql"] for q in as_central.captured_queries)
    assert 'class="govuk-tag govuk-tag--grey"' in owner_page.content.decode()  # the application's status
    assert "Invite" in owner_page.content.decode() or "Uitnodigen" in owner_page.content.decode()
    assert 'name="offer"' not in central_page.content.decode()  # central HR looks, does not invite


def _explanations(response) -> str:
    return "".join(re.findall(r'<ul class="explanation">.*?</ul>', response.content.decode(), re.S))


def test_a_renamed_competency_is_named_anew_in_the_explanations(market, skills):
    owner = Client()
    owner.force_login(market.owner.user)
    url = f"/mobility/marketplace/requests/{market.pk}/candidates/"
    assert skills["analyseren"].name in _explanations(owner.get(url))
    competency = Competency.objects.get(pk=skills["analyseren"].pk)
    competency.name = "Analytisch denken (nieuw)"
    competency.save()
    explanations = _explanations(owner.get(url))
    assert "Analytisch denken (nieuw)" in explanations
    assert skills["analyseren"].name not in explanations


# The candidates' rows as the template wrote them before `candidate_rows`.
TEMPLATE_ROWS = Template(
    "{% load i18n hrportal mobility_marketplace %}{% for match in matches %}"
    '<tr><td class="num"><strong>{{ match.score }}</strong></td><td><a class="govuk-link" '
    "href=\"{% url 'mobility:offer-detail' match.offer_id %}\">{{ match.staff_name }}</a><br><small>"
    "{{ match.offer_title }} · {{ match.entity_name }} · {{ match.offer_time_share_percent }}%</small></td>"
    "<td>{% match_explanation match names %}</td>"
    "{% if is_requester %}<td>{% with status=applied|get_item:match.pair_key %}{% if status %}"
    '<span class="govuk-tag govuk-tag--grey">{{ status }}</span>{% else %}<form method="post" novalidate '
    'action="{% url \'mobility:request-invite\' item.pk %}">{% csrf_token %}<input type="hidden" '
    'name="offer" value="{{ match.offer_id }}"><button type="submit" class="govuk-button '
    'govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" aria-label="'
    '{% blocktranslate with name=match.staff_name %}Invite {{ name }}{% endblocktranslate %}">'
    '{% translate "Invite" %}</button></form>{% endif %}{% endwith %}</td>{% endif %}</tr>{% endfor %}'
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("requester_looks", [True, False])
def test_candidate_rows_are_the_template_rows(market, offer, language, requester_looks):
    TalentApplicationFactory(request=market, offer=offer)  # one row shows a status instead of the form
    staff = Match.objects.filter(request=market).exclude(offer=offer).first().offer.staff
    staff.first_name, staff.last_name = "Zoë", "O'Brien & <Co>"
    staff.save()
    matches = list(sel.candidates_for_request(request=market).annotate(**sel.CANDIDATE_COLUMNS))
    request = RequestFactory().get("/")
    applied = sel.application_status_by_pair(request_ids=[market.pk], offer_ids=[m.offer_id for m in matches])
    values = {
        "matches": matches,
        "names": sel.competency_names(sel.explanation_competency_ids(matches)),
        "is_requester": requester_looks,
        "applied": applied,
        "item": market,
    }
    with translation.override(language):
        expected = TEMPLATE_ROWS.render(RequestContext(request, values))
        rows = candidate_rows({**values, "request": request}, matches, values["names"])
    assert TOKEN.sub("TOKEN", rows) == TOKEN.sub("TOKEN", expected)
    assert "O&#x27;Brien &amp; &lt;Co&gt;" in rows
    assert ('class="govuk-tag govuk-tag--grey"' in rows) == requester_looks
    assert rows.count("<form ") == (len(matches) - 1 if requester_looks else 0)
