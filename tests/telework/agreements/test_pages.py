from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hrportal.reports.models import ReportRun
from telework.models import TeleworkAgreement, TeleworkExplanation
from tests.factories import EntityFactory, FunctionFactory, StaffFactory
from tests.telework.agreements.conftest import MONDAY, approved_on
from tests.telework.agreements.factories import TeleworkAgreementFactory, TeleworkExplanationFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_staff_asks_for_telework_through_the_form(staff_member, django_capture_on_commit_callbacks, mailoutbox):
    client = client_for(staff_member.user)
    start = timezone.localdate() + timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/telework/agreements/new/",
            {"days_per_week": 2, "pattern": "fixed", "weekdays": ["0", "4"], "preferred_day": 4, "start": start},
        )
    agreement = TeleworkAgreement.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/telework/agreements/{agreement.pk}/"
    assert agreement.weekdays == [0, 4] and len(mailoutbox) == 1
    page = client.get(response["Location"]).content.decode()
    assert "aangevraagd" in page


def test_request_form_shows_the_rule_on_the_field_and_stores_nothing(staff_member):
    client = client_for(staff_member.user)
    response = client.post(
        "/telework/agreements/new/",
        {"days_per_week": 3, "pattern": "fixed", "weekdays": ["0"], "preferred_day": 0, "start": timezone.localdate()},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["weekdays"]
    assert 'class="govuk-error-message"' in response.content.decode()
    assert not TeleworkAgreement.objects.exists()


def test_not_teleworkable_function_is_said_clearly_on_the_form(staff_member):
    staff_member.function = FunctionFactory(name="Piloot", teleworkable=False)
    staff_member.save()
    notice = client_for(staff_member.user).get("/telework/agreements/new/")
    assert "Piloot" in notice.context["not_eligible"] and 'role="alert"' in notice.content.decode()
    response = client_for(staff_member.user).post(
        "/telework/agreements/new/",
        {"days_per_week": 1, "pattern": "flexible", "preferred_day": 2, "start": timezone.localdate()},
    )
    assert "Piloot" in response.context["form"].non_field_errors()[0]


def test_manager_approves_from_the_detail_page_and_sees_the_cap_error(ten_staff_entity, line_manager, next_week):
    ten_staff_entity.telework_max_share_percent = 10
    ten_staff_entity.save()
    a, b = list(ten_staff_entity.staff.exclude(pk=line_manager.pk)[:2])
    approved_on(a, [MONDAY], start=next_week)
    pending = TeleworkAgreementFactory(staff=b, wednesday=False, days_per_week=1)
    client = client_for(line_manager.user)
    assert "Telework requests to decide" not in client.get("/").content.decode()  # Dutch by default
    assert "Telewerkaanvragen om te beslissen" in client.get("/").content.decode()
    listing = client.get("/telework/approvals/")
    assert list(listing.context["agreements"]) == [pending]
    detail = client.get(f"/telework/agreements/{pending.pk}/").content.decode()
    assert "ten hoogste 1 telewerkers per dag" in detail and "volzet" in detail
    response = client.post(f"/telework/agreements/{pending.pk}/approve/", {"reason": ""})
    assert response.status_code == 400
    assert "maandag" in response.content.decode()
    ten_staff_entity.telework_max_share_percent = 20
    ten_staff_entity.save()
    response = client.post(f"/telework/agreements/{pending.pk}/approve/", {"reason": "", "next": "approvals"})
    assert response.status_code == 302 and response["Location"] == "/telework/approvals/"
    pending.refresh_from_db()
    assert pending.status == TeleworkAgreement.Status.APPROVED


def test_refusal_without_reason_shows_a_form_error(staff_member, team_leader):
    pending = TeleworkAgreementFactory(staff=staff_member)
    response = client_for(team_leader.user).post(f"/telework/agreements/{pending.pk}/refuse/", {"reason": ""})
    assert response.status_code == 400
    assert response.context["decision_form"].errors["reason"]


def test_staff_ends_own_agreement_and_asks_for_a_change(staff_member):
    today = timezone.localdate()
    agreement = approved_on(staff_member, [MONDAY], start=today - timedelta(days=10))
    client = client_for(staff_member.user)
    page = client.get(f"/telework/agreements/{agreement.pk}/").content.decode()
    assert f"?changes={agreement.pk}" in page
    form = client.get(f"/telework/agreements/new/?changes={agreement.pk}")
    assert form.context["form"].initial["days_per_week"] == 1
    response = client.post(f"/telework/agreements/{agreement.pk}/end/", {"end": today, "reason": ""})
    assert response.status_code == 400 and response.context["end_form"].errors["reason"]
    client.post(f"/telework/agreements/{agreement.pk}/end/", {"end": today, "reason": "Nieuwe job"})
    agreement.refresh_from_db()
    assert agreement.end == today


def test_change_form_of_someone_elses_agreement_is_404(staff_member, colleague):
    other = approved_on(colleague, [MONDAY], start=timezone.localdate())
    assert client_for(staff_member.user).get(f"/telework/agreements/new/?changes={other.pk}").status_code == 404


def test_occupancy_shows_the_margin_and_flags_days_over_capacity(central_hr, entity, line_manager, next_week):
    staff = [StaffFactory(entity=entity, line_manager=line_manager) for _ in range(9)]  # 10 with the manager
    entity.desks = 7
    entity.save()
    for member in staff[:3]:
        approved_on(member, [MONDAY], start=timezone.localdate() - timedelta(days=1))
    response = client_for(central_hr).get("/telework/occupancy/")
    row = next(r for r in response.context["occupancy"]["rows"] if r["entity"] == entity)
    assert row["headcount"] == 10 and row["desks"] == 7
    # present = (headcount - teleworkers) x (1 - 15% expected away for leave, sickness, part-time)
    monday, tuesday = row["days"][0], row["days"][1]
    assert (monday["teleworkers"], monday["present"], monday["over"], monday["margin"]) == (3, 6, False, 1)
    assert (tuesday["present"], tuesday["over"], tuesday["excess"]) == (8, True, 1)
    page = response.content.decode()
    assert "1 vrij" in page and "1 bureau te weinig" in page


def test_occupancy_plans_desks_at_the_norm_when_the_entity_has_none(central_hr, entity, line_manager):
    for _ in range(9):
        StaffFactory(entity=entity, line_manager=line_manager)
    response = client_for(central_hr).get("/telework/occupancy/", {"on": timezone.localdate()})
    row = next(r for r in response.context["occupancy"]["rows"] if r["entity"] == entity)
    assert row["desks"] == 8 and row["desks_from_norm"]


def test_occupancy_shows_a_staff_member_only_their_own_entity(staff_member, outsider):
    rows = client_for(staff_member.user).get("/telework/occupancy/").context["occupancy"]["rows"]
    assert [r["entity"] for r in rows] == [staff_member.entity]


def test_register_shows_deviating_entities_to_central_hr_and_hr_records(central_hr, hr_officer, entity, other_entity):
    TeleworkExplanationFactory(entity=other_entity, explanation="Onthaal en schoonmaak")
    page = client_for(central_hr).get("/telework/register/")
    assert [r["entity"] for r in page.context["deviating"]] == [other_entity]
    assert "Onthaal en schoonmaak" in page.content.decode()
    hr = client_for(hr_officer)
    assert [r["entity"] for r in hr.get("/telework/register/").context["rows"]] == [entity]
    assert hr.get(f"/telework/register/{other_entity.pk}/").status_code == 404
    response = hr.post(f"/telework/register/{entity.pk}/", {"explanation": "", "effective_from": timezone.localdate()})
    assert response.status_code == 200 and response.context["form"].errors["explanation"]
    hr.post(f"/telework/register/{entity.pk}/", {"explanation": "Loket", "effective_from": timezone.localdate()})
    assert TeleworkExplanation.objects.filter(entity=entity, applies_telework=False).exists()


def test_inventory_page_runs_the_report_and_shows_charts(central_hr, staff_member, django_capture_on_commit_callbacks):
    approved_on(staff_member, [MONDAY], start=timezone.localdate() - timedelta(days=400))
    client = client_for(central_hr)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/telework/inventory/")
    run = ReportRun.objects.get(kind="telework_inventory")
    assert response["Location"] == f"/reports/{run.pk}/" and run.status == ReportRun.Status.DONE
    page = client.get("/telework/inventory/").content.decode()
    main = page[page.index("<main") :]
    assert "Aandeel telewerkende medewerkers per weekdag" in main, main
    assert "CSV downloaden" in main
    assert "33,3%" in main


def test_telework_home_links_every_part_for_each_role(staff_member, line_manager, central_hr):
    member = client_for(staff_member.user).get("/telework/").content.decode()
    assert "/telework/agreements/new/" in member and "/telework/pools/" in member and "/telework/climate/" in member
    assert "/telework/approvals/" not in member and "/telework/register/" not in member
    manager = client_for(line_manager.user).get("/telework/").content.decode()
    assert "/telework/approvals/" in manager
    central = client_for(central_hr).get("/telework/").content.decode()
    assert "/telework/register/" in central and "/telework/inventory/" in central


@pytest.mark.parametrize("size", [3, 30])
def test_pages_make_a_bounded_number_of_queries(central_hr, line_manager, size, django_assert_max_num_queries):
    entities = [EntityFactory() for _ in range(size)]
    for i, entity in enumerate(entities):
        member = StaffFactory(entity=entity, line_manager=line_manager)
        approved_on(member, [i % 5], start=timezone.localdate())
        TeleworkAgreementFactory(staff=StaffFactory(entity=entity, line_manager=line_manager, with_user=True))
        TeleworkExplanationFactory(entity=entity)
    client = client_for(central_hr)
    for url, budget in [
        ("/telework/agreements/", 12),
        ("/telework/occupancy/", 12),
        ("/telework/register/", 10),
        ("/telework/", 14),
    ]:
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/api/telework/agreements/").status_code == 200
    manager = client_for(line_manager.user)
    pending = TeleworkAgreement.objects.filter(status="requested").first()
    for url in ["/telework/approvals/", "/telework/", f"/telework/agreements/{pending.pk}/"]:
        with django_assert_max_num_queries(20):
            assert manager.get(url).status_code == 200


def test_an_hr_officer_of_a_division_reads_the_register_line_of_its_entity_but_cannot_record(entity):
    from tests.factories import HrOfficerScopeFactory

    division = EntityFactory(name="Afdeling Beleid", kind="division", parent=entity)
    TeleworkExplanationFactory(entity=entity, explanation="Loketwerking vraagt aanwezigheid.")
    scope = HrOfficerScopeFactory(entity=division)
    client = Client()
    client.force_login(scope.user)

    register = client.get("/telework/register/").content.decode()
    assert entity.name in register and "Loketwerking vraagt aanwezigheid." in register
    detail = client.get(f"/telework/register/{entity.pk}/")
    assert detail.status_code == 200
    assert detail.context["can_record"] is False
