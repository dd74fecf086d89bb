import re

import pytest
from django.test import Client

from hrportal.audit.registry import event_label
from telework.agreements.services import telework_agreement_refuse
from tests.factories import StaffFactory
from tests.telework.agreements.factories import TeleworkAgreementFactory

pytestmark = pytest.mark.django_db


def _decisions(page: str) -> list[str]:
    return re.findall(r'class="govuk-heading-s hr-event__title"[^>]*>([^<]+)</h3>', page)


def _text(page: str) -> str:
    """What a person reads: the markup without its tags and attributes."""
    return re.sub(r"<[^>]+>", " ", page)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _refused(staff, manager):
    agreement = TeleworkAgreementFactory(staff=staff)
    telework_agreement_refuse(agreement_id=agreement.pk, actor=manager.user, reason="Te veel afwezigen in de dienst")
    return agreement


def test_the_trail_shows_the_decision_in_words_with_labels_and_display_values(hr_officer, staff_member, team_leader):
    agreement = _refused(staff_member, team_leader)
    page = _client(hr_officer).get("/audit/").content.decode()
    assert _decisions(page) == ["Telewerkaanvraag geweigerd"]
    assert f"Telewerkovereenkomst nr. {agreement.pk}" in page
    assert staff_member.full_name in page and staff_member.entity.name in page
    assert "Te veel afwezigen in de dienst" in page
    # "field: before -> after" with the model's label and the choices' Dutch labels
    assert "Status:" in page and "aangevraagd" in page.lower() and "geweigerd" in page.lower()
    assert "telework.agreement" not in _text(page) and "{&#x27;" not in page and "{'" not in page


def test_hr_filters_the_trail_to_one_person(hr_officer, staff_member, team_leader, entity):
    other = StaffFactory(entity=entity, line_manager=team_leader)
    _refused(staff_member, team_leader)
    _refused(other, team_leader)
    client = _client(hr_officer)
    everyone = client.get("/audit/").content.decode()
    assert staff_member.full_name in everyone and other.full_name in everyone
    one = client.get("/audit/", {"person": staff_member.last_name}).content.decode()
    assert staff_member.full_name in one and other.full_name not in one
    by_id = client.get("/audit/", {"staff": other.pk}).content.decode()
    assert other.full_name in by_id and staff_member.full_name not in by_id


def test_filters_by_decision_actor_and_period_and_refuses_unknown_codes(hr_officer, staff_member, team_leader):
    _refused(staff_member, team_leader)
    client = _client(hr_officer)

    def shown(**filters):
        return _decisions(client.get("/audit/", filters).content.decode())

    assert shown(action="telework.agreement.refused") == ["Telewerkaanvraag geweigerd"]
    assert shown(action="telework.agreement.approved") == []
    assert shown(actor=team_leader.last_name) == ["Telewerkaanvraag geweigerd"]
    assert shown(actor="nobody-by-this-name") == []
    assert shown(occurred_until="2001-01-01") == []
    bad = client.get("/audit/", {"action": "a\x00b"})
    assert bad.status_code == 400  # refused before any view (hrportal.middleware.RequestBoundsMiddleware)


def test_the_export_is_the_filtered_trail_in_words(hr_officer, staff_member, team_leader):
    _refused(staff_member, team_leader)
    response = _client(hr_officer).get("/audit/export.csv", {"person": staff_member.last_name})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    header, row = text.splitlines()[:2]
    assert header.startswith("Wanneer;Beslist door;Beslissing;Betrokken persoon")
    assert "Telewerkaanvraag geweigerd" in row and staff_member.full_name in row and "→" in row


def test_another_entitys_events_stay_out_of_an_hr_officers_trail_and_export(hr_officer, other_entity):
    outsider_manager = StaffFactory(entity=other_entity, with_user=True)
    outsider = StaffFactory(entity=other_entity, line_manager=outsider_manager)
    _refused(outsider, outsider_manager)
    client = _client(hr_officer)
    assert outsider.full_name not in client.get("/audit/").content.decode()
    assert outsider.full_name not in client.get("/audit/export.csv").content.decode("utf-8-sig")


def test_staff_members_and_managers_do_not_read_the_trail(staff_member, line_manager):
    assert _client(staff_member.user).get("/audit/").status_code == 404
    assert _client(line_manager.user).get("/audit/export.csv").status_code == 404


def test_an_unregistered_code_still_reads_as_words():
    assert event_label("reward.allowance.extended") == "Allowance extended"


def test_the_trail_page_makes_a_bounded_number_of_queries(
    hr_officer, staff_member, team_leader, django_assert_max_num_queries
):
    for _ in range(12):
        _refused(staff_member, team_leader)
    client = _client(hr_officer)
    with django_assert_max_num_queries(20):
        client.get("/audit/")
