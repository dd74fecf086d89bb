import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from hrportal.models import Competency
from hrportal.parameters.models import PolicyParameter
from hrportal.reports.models import ReportRun
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_home_shows_what_needs_the_members_action(staff_member):
    response = logged_in(staff_member.user).get("/")
    assert response.status_code == 200
    assert b"Vervolledig je competentieprofiel" in response.content


def test_profile_form_saves_competencies_and_shows_errors_for_duplicates(staff_member):
    client = logged_in(staff_member.user)
    first = Competency.objects.first()
    form = {
        "comp-TOTAL_FORMS": "2",
        "comp-INITIAL_FORMS": "0",
        "comp-0-competency": first.pk,
        "comp-0-level": "3",
        "comp-1-competency": first.pk,
        "comp-1-level": "2",
        "lang-TOTAL_FORMS": "1",
        "lang-INITIAL_FORMS": "0",
        "lang-0-language": "nl",
        "lang-0-proficiency": "native",
    }
    response = client.post(reverse("staff-profile-edit"), form)
    assert response.status_code == 200
    assert "Elke competentie mag maar één keer voorkomen".encode() in response.content
    assert not staff_member.competencies.exists()
    form["comp-1-DELETE"] = "on"
    response = client.post(reverse("staff-profile-edit"), form)
    assert response.status_code == 302
    assert list(staff_member.competencies.values_list("competency", "level")) == [(first.pk, 3)]


def test_directory_searches_and_filters_within_scope(hr_officer, staff_member, outsider):
    client = logged_in(hr_officer)
    response = client.get("/staff/", {"q": staff_member.last_name})
    assert staff_member.email.encode() not in response.content  # the list shows names, not e-mail
    assert f"/staff/{staff_member.pk}/".encode() in response.content
    response = client.get("/staff/", {"q": outsider.last_name, "entity": outsider.entity_id})
    assert f"/staff/{outsider.pk}/".encode() not in response.content


def test_directory_query_count_does_not_grow_with_the_data(central_hr, entity, django_assert_max_num_queries):
    StaffFactory.create_batch(5, entity=entity)
    client = logged_in(central_hr)
    cache.clear()  # the worst case: option lists not cached yet
    with django_assert_max_num_queries(12) as small:
        client.get("/staff/")
    StaffFactory.create_batch(40, entity=entity)
    cache.clear()
    with django_assert_max_num_queries(12) as large:
        client.get("/staff/")
    assert len(large.captured_queries) == len(small.captured_queries)


def test_profile_page_query_count_is_bounded(central_hr, staff_member, django_assert_max_num_queries):
    client = logged_in(central_hr)
    with django_assert_max_num_queries(14):
        assert client.get(f"/staff/{staff_member.pk}/").status_code == 200


def test_portfolio_page_shows_every_objective_and_chart(staff_member):
    response = logged_in(staff_member.user).get("/portfolio/")
    content = response.content.decode()
    for label in ["Personeelsmobiliteit", "Inzetbaarheid", "Beloningsbeleid", "Leiderschap"]:
        assert label in content
    assert 'class="chart"' in content


def test_report_page_runs_a_report_and_offers_downloads(central_hr, django_capture_on_commit_callbacks):
    client = logged_in(central_hr)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/reports/", {"kind": "portfolio_progress"})
    run = ReportRun.objects.get()
    assert response.status_code == 302 and response.url == f"/reports/{run.pk}/"
    page = client.get(response.url).content.decode()
    assert f"/reports/{run.pk}/download.xlsx" in page
    download = client.get(f"/reports/{run.pk}/download.xlsx")
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")


def test_parameter_form_refuses_non_central_users_and_records_for_central(staff_member, central_hr):
    data = {"key": "telework.office_norm_percent", "value": "50", "valid_from": "2021-01-01"}
    response = logged_in(staff_member.user).post("/parameters/", data)
    assert response.status_code == 200 and not PolicyParameter.objects.exists()
    response = logged_in(central_hr).post("/parameters/", {**data, "value": "-3"})
    assert response.status_code == 200 and not PolicyParameter.objects.exists()
    response = logged_in(central_hr).post("/parameters/", data)  # starts in the past: needs its legal basis
    assert response.status_code == 200 and not PolicyParameter.objects.exists()
    response = logged_in(central_hr).post("/parameters/", {**data, "legal_basis": "BVR 2020"})
    assert response.status_code == 302 and PolicyParameter.objects.get().value == 50


def test_interface_is_dutch_by_default_and_english_on_request(staff_member):
    client = logged_in(staff_member.user)
    assert b"Personeelsgids" in client.get("/staff/").content
    client.post("/i18n/setlang/", {"language": "en", "next": "/staff/"})
    assert b"Staff directory" in client.get("/staff/").content


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_login_page_has_labelled_fields(client):
    content = client.get("/login/").content.decode()
    assert '<label for="id_username">' in content and '<label for="id_password">' in content
    assert 'lang="nl"' in content


def test_directory_without_filters_lists_everyone_in_scope(hr_officer, staff_member, outsider):
    content = logged_in(hr_officer).get("/staff/").content.decode()
    assert f"/staff/{staff_member.pk}/" in content
    assert f"/staff/{outsider.pk}/" not in content


def test_entity_filter_renders_a_labelled_select_with_the_choice_kept(central_hr, entity):
    content = logged_in(central_hr).get("/staff/", {"entity": entity.pk}).content.decode()
    assert '<label for="id_entity">' in content
    assert '<select id="id_entity" name="entity">' in content
    assert f'<option value="{entity.pk}" selected>{entity.name}</option>' in content


def test_search_results_are_ordered_by_name_regardless_of_case(central_hr, entity):
    StaffFactory(entity=entity, last_name="de Smet", first_name="An")
    StaffFactory(entity=entity, last_name="De Backer", first_name="Jan")
    StaffFactory(entity=entity, last_name="Dewulf", first_name="Els")
    content = logged_in(central_hr).get("/staff/", {"q": "de"}).content.decode()
    assert content.index("De Backer") < content.index("de Smet") < content.index("Dewulf")


def test_chart_widths_are_css_numbers_in_dutch_too(staff_member):
    content = logged_in(staff_member.user).get("/portfolio/").content.decode()
    widths = re.findall(r'style="width: ([^"]*)%"', content)
    assert widths and all(re.fullmatch(r"\d+\.\d\d", w) for w in widths)
    assert "Status van de acties per doelstelling" in content
