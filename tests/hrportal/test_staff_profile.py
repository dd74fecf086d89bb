import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.audit.models import AuditEvent
from hrportal.models import Competency
from hrportal.services.staff import staff_profile_update

pytestmark = pytest.mark.django_db


def competencies(n):
    return list(Competency.objects.order_by("id").values_list("id", flat=True)[:n])


def test_member_replaces_own_competencies_and_languages_and_it_is_audited(staff_member):
    first, second = competencies(2)
    staff_profile_update(
        staff_id=staff_member.pk,
        actor=staff_member.user,
        languages=[("nl", "native"), ("fr", "good")],
        competencies=[(first, 3), (second, 1)],
    )
    assert sorted(staff_member.competencies.values_list("competency_id", "level")) == sorted([(first, 3), (second, 1)])
    event = AuditEvent.objects.get(action="staff.profile_updated")
    assert event.actor == staff_member.user
    assert event.staff == staff_member
    assert event.before == {"languages": [], "competencies": []}
    assert ["fr", "good"] in event.after["languages"]


def test_a_duplicate_competency_is_refused_and_nothing_changes(staff_member):
    (first,) = competencies(1)
    staff_profile_update(
        staff_id=staff_member.pk, actor=staff_member.user, languages=[("nl", "native")], competencies=[(first, 2)]
    )
    with pytest.raises(ValidationError) as error:
        staff_profile_update(
            staff_id=staff_member.pk, actor=staff_member.user, languages=[], competencies=[(first, 3), (first, 4)]
        )
    assert "competencies" in error.value.message_dict
    assert list(staff_member.competencies.values_list("level", flat=True)) == [2]
    assert staff_member.languages.count() == 1


def test_level_five_is_refused(staff_member):
    (first,) = competencies(1)
    with pytest.raises(ValidationError):
        staff_profile_update(staff_id=staff_member.pk, actor=staff_member.user, languages=[], competencies=[(first, 5)])


def test_a_manager_may_not_edit_a_reports_profile(line_manager, staff_member):
    with pytest.raises(PermissionDenied):
        staff_profile_update(staff_id=staff_member.pk, actor=line_manager.user, languages=[], competencies=[])


def _as_a_browser_submits(page: str) -> dict:
    """The POST a browser sends for the rendered form: every input's value, every select's selected option."""
    import re

    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        data[name] = value
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, flags=re.S):
        selected = re.search(r'<option value="([^"]*)" selected', body) or re.search(r'<option value="([^"]*)"', body)
        data[name] = selected.group(1)
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_saving_the_profile_page_unchanged_ignores_the_empty_rows(client, staff_member):
    # given: one competency and Dutch, as the demo staff has
    (first,) = competencies(1)
    staff_profile_update(
        staff_id=staff_member.pk, actor=staff_member.user, languages=[("nl", "native")], competencies=[(first, 2)]
    )
    client.force_login(staff_member.user)
    # when: the page is submitted as it is shown (two empty competency rows, one empty language row)
    data = _as_a_browser_submits(client.get("/staff/me/edit/").content.decode())
    response = client.post("/staff/me/edit/", data)
    # then: saved, nothing changed
    assert response.status_code == 302
    assert list(staff_member.competencies.values_list("competency_id", "level")) == [(first, 2)]
    assert list(staff_member.languages.values_list("language", "proficiency")) == [("nl", "native")]


def test_changing_one_level_on_the_profile_page_saves_it(client, staff_member):
    first, second = competencies(2)
    staff_profile_update(
        staff_id=staff_member.pk, actor=staff_member.user, languages=[], competencies=[(first, 2), (second, 3)]
    )
    client.force_login(staff_member.user)
    data = _as_a_browser_submits(client.get("/staff/me/edit/").content.decode())
    level_key = next(k for k, v in data.items() if k.endswith("-competency") and v == str(first)).replace(
        "-competency", "-level"
    )
    data[level_key] = "4"
    assert client.post("/staff/me/edit/", data).status_code == 302
    assert sorted(staff_member.competencies.values_list("competency_id", "level")) == sorted([(first, 4), (second, 3)])


def test_a_row_filled_in_halfway_is_an_error_in_the_summary(client, staff_member):
    client.force_login(staff_member.user)
    data = _as_a_browser_submits(client.get("/staff/me/edit/").content.decode())
    (first,) = competencies(1)
    data["comp-0-competency"] = str(first)  # no level
    response = client.post("/staff/me/edit/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="govuk-error-summary"' in page and 'href="#id_comp-0-level"' in page
