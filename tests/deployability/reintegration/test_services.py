from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from deployability.models import ReintegrationCase, ReintegrationStep
from deployability.reintegration import services
from tests.factories import FunctionFactory

pytestmark = pytest.mark.django_db


def test_hr_opens_one_case_per_person(staff_member, hr_officer):
    services.case_open(actor=hr_officer, staff=staff_member, intake_on=date(2026, 2, 2))
    with pytest.raises(ValidationError) as error:
        services.case_open(actor=hr_officer, staff=staff_member, intake_on=date(2026, 3, 2))
    assert "staff" in error.value.message_dict


def test_managers_and_central_hr_cannot_open_a_case(staff_member, line_manager, central_hr):
    for actor in (line_manager.user, central_hr, staff_member.user):
        with pytest.raises(PermissionDenied):
            services.case_open(actor=actor, staff=staff_member, intake_on=date(2026, 2, 2))


def test_steps_limits(case, physician):
    with pytest.raises(ValidationError) as error:
        services.step_add(actor=physician.user, case_id=case.pk, kind="part_time", start=date(2026, 3, 2))
    assert "working_time_percent" in error.value.message_dict
    for percent in (0, 100):
        with pytest.raises(ValidationError):
            services.step_add(
                actor=physician.user,
                case_id=case.pk,
                kind="part_time",
                start=date(2026, 3, 2),
                working_time_percent=percent,
            )
    with pytest.raises(ValidationError) as error:
        services.step_add(actor=physician.user, case_id=case.pk, kind="other_function", start=date(2026, 3, 2))
    assert "function" in error.value.message_dict
    with pytest.raises(ValidationError) as error:  # the day before the intake
        services.step_add(actor=physician.user, case_id=case.pk, kind="adapted_work", start=date(2026, 2, 1))
    assert "start" in error.value.message_dict
    for percent in (1, 99):
        services.step_add(
            actor=physician.user,
            case_id=case.pk,
            kind="part_time",
            start=date(2026, 2, 2),
            working_time_percent=percent,
        )
    services.step_add(
        actor=physician.user, case_id=case.pk, kind="other_function", start=date(2026, 5, 4), function=FunctionFactory()
    )
    case.refresh_from_db()
    assert case.status == ReintegrationCase.Status.RUNNING
    assert ReintegrationStep.objects.filter(case=case).count() == 3


def test_the_manager_cannot_work_the_case(case, line_manager):
    with pytest.raises(PermissionDenied):
        services.step_add(actor=line_manager.user, case_id=case.pk, kind="adapted_work", start=date(2026, 3, 2))


def test_closing_needs_an_outcome_and_then_nothing_changes(case, hr_officer, physician):
    with pytest.raises(ValidationError):
        services.case_close(actor=hr_officer, case_id=case.pk, outcome="")
    services.case_close(actor=hr_officer, case_id=case.pk, outcome="part_time", closed_on=date(2026, 6, 1))
    with pytest.raises(ValidationError):
        services.step_add(actor=physician.user, case_id=case.pk, kind="adapted_work", start=date(2026, 6, 2))
    # and a new case may be opened after the closed one
    services.case_open(actor=hr_officer, staff=case.staff, intake_on=date(2026, 9, 1))


def test_pages_open_a_case_and_record_a_step(staff_member, hr_officer):
    client = Client()
    client.force_login(hr_officer)
    response = client.post(
        "/deployability/reintegration/new/",
        {"staff": staff_member.personnel_number, "intake_on": "2026-02-02", "medical_details": "x"},
    )
    assert response.status_code == 302
    case = ReintegrationCase.objects.get()
    response = client.post(
        f"/deployability/reintegration/{case.pk}/steps/", {"kind": "part_time", "start": "2026-03-02"}
    )
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()
    response = client.post(
        f"/deployability/reintegration/{case.pk}/steps/",
        {"kind": "part_time", "start": "2026-03-02", "working_time_percent": "50"},
    )
    assert response.status_code == 302
    assert client.get("/deployability/reintegration/").status_code == 200
    assert client.post(f"/deployability/reintegration/{case.pk}/explode/").status_code == 404


def test_reintegration_report_counts_per_entity_without_medical_details(
    case, hr_officer, central_hr, django_capture_on_commit_callbacks
):
    from hrportal.reports.models import ReportRun
    from hrportal.reports.services import report_run_request

    services.case_close(actor=hr_officer, case_id=case.pk, outcome="part_time", closed_on=date(2026, 6, 1))
    services.case_open(actor=hr_officer, staff=case.staff, intake_on=date(2026, 9, 1), medical_details="GEHEIM")
    with django_capture_on_commit_callbacks(execute=True):
        run = report_run_request(kind="deployability_reintegration_cases", requested_by=central_hr)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    (row,) = run.result["rows"]
    assert (row["open"], row["closed"], row["outcome_part_time"]) == (1, 1, 1)
    assert "GEHEIM" not in str(run.result) and "Burn-out" not in str(run.result)
