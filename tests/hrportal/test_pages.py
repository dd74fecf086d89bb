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
    assert 'class="hr-chart"' in content


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
    assert b"Wacht op jou" in client.get("/").content
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert b"Waiting for you" in client.get("/").content


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_login_page_has_labelled_fields(client):
    content = client.get("/login/").content.decode()
    assert re.search(r'<label [^>]*for="id_username"', content) and re.search(r'<label [^>]*for="id_password"', content)
    assert 'lang="nl"' in content


def test_directory_without_filters_lists_everyone_in_scope(hr_officer, staff_member, outsider):
    content = logged_in(hr_officer).get("/staff/").content.decode()
    assert f"/staff/{staff_member.pk}/" in content
    assert f"/staff/{outsider.pk}/" not in content


def test_entity_filter_renders_a_labelled_select_with_the_choice_kept(central_hr, entity):
    content = logged_in(central_hr).get("/staff/", {"entity": entity.pk}).content.decode()
    assert re.search(r'<label [^>]*for="id_entity"', content)
    assert re.search(r'<select [^>]*id="id_entity"[^>]*name="entity"', content)
    assert f'<option value="{entity.pk}" selected>{entity.name}</option>' in content


def test_search_results_are_ordered_by_name_regardless_of_case(central_hr, entity):
    StaffFactory(entity=entity, last_name="de Smet", first_name="An")
    StaffFactory(entity=entity, last_name="De Backer", first_name="Jan")
    StaffFactory(entity=entity, last_name="Dewulf", first_name="Els")
    content = logged_in(central_hr).get("/staff/", {"q": "de"}).content.decode()
    assert content.index("De Backer") < content.index("de Smet") < content.index("Dewulf")


def test_chart_widths_are_css_numbers_in_dutch_too(staff_member):
    content = logged_in(staff_member.user).get("/portfolio/").content.decode()
    # SVG attributes, not style (CSP): a decimal comma would make the bar vanish
    widths = re.findall(r'<rect class="hr-series-\d+" x="[^"]*" width="([^"]*)%"', content)
    assert widths and all(re.fullmatch(r"\d+\.\d\d", w) for w in widths)
    assert "Status van de acties per doelstelling" in content


def test_a_staff_member_opening_the_directory_lands_on_their_own_profile(staff_member):
    response = logged_in(staff_member.user).get("/staff/")
    assert response.status_code == 302 and response.url == f"/staff/{staff_member.pk}/"
    home = logged_in(staff_member.user).get("/").content.decode()
    assert 'href="/staff/"' not in home.split('aria-label="Hoofdnavigatie"')[1].split("</nav>")[0]


def test_beheer_and_the_api_docs_only_for_those_who_use_them(staff_member, central_hr, admin_user):
    staff_page = logged_in(staff_member.user).get("/").content.decode()
    assert "/admin/" not in staff_page and "/api/docs/" not in staff_page
    central_page = logged_in(central_hr).get("/").content.decode()
    assert "/admin/" not in central_page  # central HR is not an admin account (is_staff off)
    assert "/api/docs/" in central_page
    assert "/admin/" in logged_in(admin_user).get("/").content.decode()


def test_the_overdue_portfolio_item_opens_the_filtered_list(central_hr):
    from datetime import date, timedelta

    from hrportal.models import PortfolioAction

    late = PortfolioAction.objects.filter(status=PortfolioAction.Status.RUNNING).first()
    late.planned_end = date.today() - timedelta(days=10)
    late.save(update_fields=["planned_end"])
    expected = PortfolioAction.objects.filter(
        status__in=[PortfolioAction.Status.PREPARING, PortfolioAction.Status.RUNNING], planned_end__lt=date.today()
    ).count()
    page = logged_in(central_hr).get("/portfolio/", {"overdue": "on"})
    assert len(page.context["actions"]) == expected < PortfolioAction.objects.count()
    assert "?overdue=on" in logged_in(central_hr).get("/").content.decode()


def test_pages_that_do_not_exist_answer_the_dutch_404_page_with_a_way_back(staff_member, outsider):
    client = logged_in(staff_member.user)
    for url in ["/does-not-exist/", f"/staff/{outsider.pk}/"]:
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 404
        assert "Pagina niet gevonden" in page and 'href="/"' in page and '<html lang="nl"' in page
