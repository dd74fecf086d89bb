from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client

from mobility.international.services import stay_last_day
from mobility.models import ExternalApplicant, MobilityApplication, MobilityCall
from tests.factories import StaffFactory
from tests.mobility.international.factories import (
    ApplicationFactory,
    CallFactory,
    ClaimFactory,
    DetachmentFactory,
    ExternalApplicantFactory,
    VacancyFactory,
    today,
)

pytestmark = pytest.mark.django_db


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def test_central_hr_opens_a_call_with_defaults_for_its_kind(central_hr):
    response = client_of(central_hr).post(
        "/mobility/international/calls/new/",
        {
            "title": "Werkbezoeken 2026",
            "kind": "work_visit",
            "opens_on": today().isoformat(),
            "closes_on": (today() + timedelta(days=30)).isoformat(),
            "eligible_levels": ["A", "B", "C", "D"],
            "hosts": "FIT New York\nDIV Parijs\n",
        },
    )
    call = MobilityCall.objects.get()
    assert response.status_code == 302 and response.url == f"/mobility/international/calls/{call.pk}/"
    assert (call.min_months, call.max_months, call.eligible_levels) == (1, 3, "ABCD")
    assert sorted(call.hosts.values_list("name", flat=True)) == ["DIV Parijs", "FIT New York"]


def test_call_form_shows_the_services_errors_and_stores_nothing(central_hr):
    response = client_of(central_hr).post(
        "/mobility/international/calls/new/",
        {
            "title": "X",
            "kind": "exchange",
            "opens_on": today().isoformat(),
            "closes_on": (today() - timedelta(days=1)).isoformat(),
            "eligible_levels": ["A"],
            "min_months": 4,
            "max_months": 2,
            "hosts": "BZK",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "closes_on" in errors and "max_months" in errors
    assert not MobilityCall.objects.exists()


def test_staff_member_applies_on_the_call_page_and_sees_the_limit_in_the_error(call, staff_member):
    client = client_of(staff_member.user)
    start = today() + timedelta(days=40)
    too_long = client.post(
        f"/mobility/international/calls/{call.pk}/",
        {"start": start.isoformat(), "end": (stay_last_day(start, 6) + timedelta(days=1)).isoformat()},
    )
    assert too_long.status_code == 200
    assert stay_last_day(start, 6).isoformat() in " ".join(too_long.context["form"].errors["end"])
    ok = client.post(
        f"/mobility/international/calls/{call.pk}/",
        {"start": start.isoformat(), "end": stay_last_day(start, 6).isoformat(), "host": call.hosts.get().pk},
    )
    application = MobilityApplication.objects.get()
    assert ok.status_code == 302 and ok.url == f"/mobility/international/applications/{application.pk}/"


def test_manager_refuses_without_reason_gets_a_form_error_then_agrees(application, line_manager):
    client = client_of(line_manager.user)
    url = f"/mobility/international/applications/{application.pk}/"
    page = client.get(url)
    assert "manager_form" in page.context
    response = client.post(url, {"action": "manager", "decision": "refuse", "reason": ""})
    assert response.status_code == 200 and "reason" in response.context["manager_form"].errors
    response = client.post(url, {"action": "manager", "decision": "agree"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MobilityApplication.Status.AWAITING_HOST


def test_hr_records_green_light_and_staff_member_files_a_claim(agreed_application, hr_officer, staff_member):
    url = f"/mobility/international/applications/{agreed_application.pk}/"
    assert client_of(hr_officer).post(url, {"action": "host", "outcome": "green_light"}).status_code == 302
    client = client_of(staff_member.user)
    bad = client.post(url, {"action": "claim", "kind": "travel", "claim_date": today().isoformat(), "amount": "0"})
    assert bad.status_code == 200 and "amount" in bad.context["claim_form"].errors
    good = client.post(url, {"action": "claim", "kind": "travel", "claim_date": today().isoformat(), "amount": "250"})
    assert good.status_code == 302
    claim = agreed_application.claims.get()
    assert claim.reimbursed_amount == Decimal("125.00")


def test_a_colleague_cannot_post_decisions_on_a_visible_application(application, hr_officer):
    # HR sees the application but is not the applicant's manager: no decision form, and a POST is refused.
    response = client_of(hr_officer).post(
        f"/mobility/international/applications/{application.pk}/", {"action": "manager", "decision": "agree"}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == MobilityApplication.Status.SUBMITTED


def test_totals_page_shows_claimed_and_reimbursed_per_call(central_hr, call):
    ClaimFactory(
        application=ApplicationFactory(call=call, approved=True),
        amount=Decimal("300"),
        reimbursed_amount=Decimal("150"),
    )
    ClaimFactory(
        application=ApplicationFactory(call=call, approved=True), amount=Decimal("100"), reimbursed_amount=Decimal("50")
    )
    ClaimFactory(amount=Decimal("80"), reimbursed_amount=Decimal("40"))
    response = client_of(central_hr).get("/mobility/international/totals/")
    rows = {row["call_id"]: row for row in response.context["rows"]}
    assert rows[call.pk]["claimed"] == Decimal("400") and rows[call.pk]["reimbursed"] == Decimal("200")
    assert rows[call.pk]["claims"] == 2
    assert response.context["grand"]["reimbursed"] == Decimal("240")
    assert "200,00" in response.content.decode()  # Dutch number format


def test_external_applicant_not_permanently_appointed_is_refused_on_the_page(central_hr):
    vacancy = VacancyFactory()
    response = client_of(central_hr).post(
        f"/mobility/external/{vacancy.pk}/",
        {
            "action": "applicant",
            "first_name": "Jan",
            "last_name": "Claes",
            "email": "jan@school.example",
            "origin": "education",
            "employer": "GO!",
            "permanently_appointed": "no",
            "seniority_years": 4,
            "seniority_months": 2,
        },
    )
    assert response.status_code == 200
    assert "permanently_appointed" in response.context["applicant_form"].errors
    assert "Not eligible" in response.content.decode() or "Niet" in response.content.decode()
    assert not ExternalApplicant.objects.exists()


def test_central_hr_records_the_shortened_selection_on_the_page(central_hr):
    applicant = ExternalApplicantFactory()
    prefix = f"sel{applicant.pk}"
    response = client_of(central_hr).post(
        f"/mobility/external/{applicant.vacancy_id}/",
        {
            "action": "selection",
            "applicant": applicant.pk,
            f"{prefix}-outcome": "passed",
            f"{prefix}-selection_date": today().isoformat(),
        },
    )
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.selection == ExternalApplicant.Selection.PASSED


def test_detachment_form_finds_the_person_by_personnel_number(central_hr, staff_member):
    client = client_of(central_hr)
    data = {
        "institution": "Europese Commissie",
        "start": today().isoformat(),
        "annual_salary_cost": "90000",
    }
    missing = client.post("/mobility/detachments/new/", {**data, "personnel_number": "nope"})
    assert "personnel_number" in missing.context["form"].errors
    created = client.post("/mobility/detachments/new/", {**data, "personnel_number": staff_member.personnel_number})
    assert created.status_code == 302
    assert staff_member.detachments.get().compensation_amount == Decimal("45000.00")


# --- bounded queries --------------------------------------------------------------------------------
def _data(call, entity, n):
    for _ in range(n):
        member = StaffFactory(entity=entity)
        application = ApplicationFactory(call=call, staff=member, approved=True)
        ClaimFactory(application=application)
        DetachmentFactory(staff=member)
        ExternalApplicantFactory(vacancy=VacancyFactory(entity=entity))
    CallFactory()


PAGE_URLS = [
    "/mobility/international/",
    "/mobility/international/calls/",
    "/mobility/international/calls/{call}/",
    "/mobility/international/applications/",
    "/mobility/international/applications/?waiting=host",
    "/mobility/international/totals/",
    "/mobility/external/",
    "/mobility/detachments/",
]


@pytest.mark.parametrize("url", PAGE_URLS)
@pytest.mark.parametrize("size", [2, 30])
def test_pages_make_a_bounded_number_of_queries(
    url, size, call, entity, hr_officer, staff_member, django_assert_max_num_queries
):
    _data(call, entity, size)
    ApplicationFactory(call=call, staff=staff_member)
    client = client_of(hr_officer)
    client.get("/")  # warm the session
    with django_assert_max_num_queries(10):
        response = client.get(url.format(call=call.pk))
    assert response.status_code == 200


def test_detail_pages_make_a_bounded_number_of_queries(
    call, entity, central_hr, staff_member, django_assert_max_num_queries
):
    application = ApplicationFactory(call=call, staff=staff_member, approved=True)
    for _ in range(20):
        ClaimFactory(application=application)
    vacancy = VacancyFactory(entity=entity)
    for _ in range(20):
        ExternalApplicantFactory(vacancy=vacancy)
    client = client_of(central_hr)
    client.get("/")
    with django_assert_max_num_queries(14):
        assert client.get(f"/mobility/international/applications/{application.pk}/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"/mobility/external/{vacancy.pk}/").status_code == 200


def test_totals_are_one_query(call, central_hr, django_assert_num_queries):
    from hrportal.roles import roles_of
    from mobility.international.selectors import claim_totals_per_call

    for _ in range(5):
        ClaimFactory(application=ApplicationFactory(call=call, approved=True))
    ClaimFactory()
    roles_of(central_hr)  # the viewer's roles are computed once per request, before any selector runs
    with django_assert_num_queries(1):
        rows = claim_totals_per_call(viewer=central_hr)
    assert len(rows) == 2
