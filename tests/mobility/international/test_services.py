from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from hrportal.audit.models import AuditEvent
from hrportal.parameters.models import PolicyParameter
from mobility.international import services as svc
from mobility.models import Detachment, ExternalApplicant, MobilityApplication, MobilityCall
from tests.factories import StaffFactory
from tests.mobility.international.factories import CallFactory, ExternalApplicantFactory, VacancyFactory, today

pytestmark = pytest.mark.django_db
Status = MobilityApplication.Status


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in their English source; a page test run before may leave Dutch active."""
    with translation.override("en"):
        yield


def _apply(user, call, start, end, **kwargs):
    return svc.application_submit(actor=user, call_id=call.pk, start=start, end=end, **kwargs)


# --- month arithmetic -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "months", "last_day"),
    [
        (date(2026, 3, 1), 6, date(2026, 8, 31)),
        (date(2026, 3, 1), 1, date(2026, 3, 31)),
        (date(2026, 1, 31), 1, date(2026, 2, 27)),  # 31 Jan + 1 month = 28 Feb, minus a day
        (date(2026, 9, 15), 6, date(2027, 3, 14)),
        (date(2028, 1, 30), 1, date(2028, 2, 28)),  # leap year: 29 Feb is the same-date month later
    ],
)
def test_stay_last_day_is_same_date_n_months_later_minus_one_day(start, months, last_day):
    assert svc.stay_last_day(start, months) == last_day


# --- applications: limits ---------------------------------------------------------------------------
def test_six_month_exchange_is_allowed_and_six_months_and_a_day_is_not(call, staff_member):
    start = today() + timedelta(days=30)
    limit = svc.stay_last_day(start, 6)
    with pytest.raises(ValidationError) as error:
        _apply(staff_member.user, call, start, limit + timedelta(days=1))
    assert "end" in error.value.message_dict
    assert "6" in error.value.message_dict["end"][0]
    assert not MobilityApplication.objects.exists()
    application = _apply(staff_member.user, call, start, limit)
    assert application.status == Status.SUBMITTED


def test_one_month_is_allowed_and_one_day_less_is_not(call, staff_member):
    start = today() + timedelta(days=30)
    minimum = svc.stay_last_day(start, 1)
    with pytest.raises(ValidationError) as error:
        _apply(staff_member.user, call, start, minimum - timedelta(days=1))
    assert "end" in error.value.message_dict
    assert _apply(staff_member.user, call, start, minimum).end == minimum


def test_work_visit_allows_three_months_not_three_and_a_day(staff_member):
    call = CallFactory(work_visit=True)
    start = today() + timedelta(days=30)
    with pytest.raises(ValidationError):
        _apply(staff_member.user, call, start, svc.stay_last_day(start, 3) + timedelta(days=1))
    assert _apply(staff_member.user, call, start, svc.stay_last_day(start, 3)).pk


def test_a_level_outside_the_call_is_refused(call, entity):
    member = StaffFactory(entity=entity, with_user=True, level="B", grade="B1")
    start = today() + timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        _apply(member.user, call, start, svc.stay_last_day(start, 2))
    assert "level" in error.value.messages[0]
    call.eligible_levels = "AB"
    call.save()
    assert _apply(member.user, call, start, svc.stay_last_day(start, 2)).pk


@pytest.mark.parametrize(
    ("offset", "allowed"),
    [(-1, False), (0, True), (10, True), (11, False)],
    ids=["day-before-opening", "opening-day", "closing-day", "day-after-closing"],
)
def test_applying_outside_the_window_is_refused(staff_member, offset, allowed):
    opens = date(2030, 5, 1)
    call = CallFactory(opens_on=opens, closes_on=opens + timedelta(days=10))
    on = opens + timedelta(days=offset)
    start = on + timedelta(days=30)
    run = lambda: _apply(staff_member.user, call, start, svc.stay_last_day(start, 2), today=on)  # noqa: E731
    if allowed:
        assert run().pk
    else:
        with pytest.raises(ValidationError) as error:
            run()
        assert "2030-05-01" in error.value.messages[0]


def test_one_open_application_per_call(call, staff_member):
    start = today() + timedelta(days=30)
    _apply(staff_member.user, call, start, svc.stay_last_day(start, 2))
    with pytest.raises(ValidationError):
        _apply(staff_member.user, call, start, svc.stay_last_day(start, 3))
    assert MobilityApplication.objects.count() == 1


def test_host_must_belong_to_the_call(call, staff_member):
    other = CallFactory(hosts=["Rijkswaterstaat"])
    start = today() + timedelta(days=30)
    with pytest.raises(ValidationError) as error:
        _apply(staff_member.user, call, start, svc.stay_last_day(start, 2), host_id=other.hosts.get().pk)
    assert "host" in error.value.message_dict


def test_someone_without_a_staff_record_cannot_apply(call, central_hr):
    start = today() + timedelta(days=30)
    with pytest.raises(PermissionDenied):
        _apply(central_hr, call, start, svc.stay_last_day(start, 2))


def test_submitting_audits_and_mails_the_line_manager(
    call, staff_member, team_leader, django_capture_on_commit_callbacks
):
    start = today() + timedelta(days=30)
    with django_capture_on_commit_callbacks(execute=True):
        application = _apply(staff_member.user, call, start, svc.stay_last_day(start, 2))
    event = AuditEvent.objects.get(action="mobility.international.application_submitted")
    assert event.target_id == str(application.pk) and event.staff_id == staff_member.pk
    assert event.parameters["call_limits"] == {"min_months": 1, "max_months": 6, "levels": "A"}
    assert [m.to for m in mail.outbox] == [[team_leader.email]]
    assert f"/mobility/international/applications/{application.pk}/" in mail.outbox[0].body


# --- decisions --------------------------------------------------------------------------------------
def test_manager_agrees_then_hr_records_the_green_light(application, line_manager, hr_officer):
    svc.application_manager_decide(actor=line_manager.user, application_id=application.pk, agree=True)
    application.refresh_from_db()
    assert application.status == Status.AWAITING_HOST
    assert application.manager_decided_by == line_manager
    svc.application_host_decide(actor=hr_officer, application_id=application.pk, outcome="counterpart_sought")
    svc.application_host_decide(actor=hr_officer, application_id=application.pk, outcome="green_light")
    application.refresh_from_db()
    assert application.status == Status.HOST_APPROVED
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "mobility.international.application_awaiting_host",
        "mobility.international.application_counterpart_sought",
        "mobility.international.application_host_approved",
    ]


def test_refusal_needs_a_reason(application, line_manager):
    with pytest.raises(ValidationError) as error:
        svc.application_manager_decide(actor=line_manager.user, application_id=application.pk, agree=False)
    assert "reason" in error.value.message_dict
    svc.application_manager_decide(
        actor=line_manager.user, application_id=application.pk, agree=False, reason="Piekperiode"
    )
    application.refresh_from_db()
    assert application.status == Status.MANAGER_REFUSED and application.manager_reason == "Piekperiode"
    assert AuditEvent.objects.get(action="mobility.international.application_manager_refused").note == "Piekperiode"


def test_only_the_applicants_managers_decide(application, outsider, staff_member, hr_officer):
    for user in (outsider.user, staff_member.user, hr_officer):
        with pytest.raises(PermissionDenied):
            svc.application_manager_decide(actor=user, application_id=application.pk, agree=True)


def test_host_answer_only_after_the_managers_agreement(application, hr_officer):
    with pytest.raises(ValidationError):
        svc.application_host_decide(actor=hr_officer, application_id=application.pk, outcome="green_light")


def test_hr_of_another_entity_cannot_record_the_host_answer(agreed_application, other_entity):
    from tests.factories import HrOfficerScopeFactory

    other_hr = HrOfficerScopeFactory(entity=other_entity).user
    with pytest.raises(PermissionDenied):
        svc.application_host_decide(actor=other_hr, application_id=agreed_application.pk, outcome="green_light")


def test_applicant_withdraws_while_undecided_but_not_after_green_light(application):
    from tests.mobility.international.factories import ApplicationFactory

    approved_application = ApplicationFactory(staff=application.staff, approved=True)
    member = application.staff.user
    svc.application_withdraw(actor=member, application_id=application.pk)
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    with pytest.raises(ValidationError):
        svc.application_withdraw(actor=member, application_id=approved_application.pk)


# --- expense claims ---------------------------------------------------------------------------------
def test_half_of_the_costs_is_reimbursed(approved_application, staff_member):
    claim = svc.expense_claim_file(
        actor=staff_member.user,
        application_id=approved_application.pk,
        kind="travel",
        claim_date=today(),
        amount=Decimal("333.33"),
    )
    assert claim.reimbursed_percent == 50
    assert claim.reimbursed_amount == Decimal("166.67")
    event = AuditEvent.objects.get(action="mobility.international.claim_filed")
    assert event.parameters["values"] == {"mobility.international.reimbursed_cost_share_percent": 50}


def test_reimbursement_uses_the_parameter_in_force_on_the_claim_date(approved_application, staff_member):
    PolicyParameter.objects.create(
        key="mobility.international.reimbursed_cost_share_percent", value=40, valid_from=date(2026, 1, 1)
    )
    # a stay over the turn of the year, so that both claim dates lie in it
    type(approved_application).objects.filter(pk=approved_application.pk).update(
        start=date(2025, 12, 15), end=date(2026, 1, 31)
    )

    def file(on):
        return svc.expense_claim_file(
            actor=staff_member.user,
            application_id=approved_application.pk,
            kind="stay",
            claim_date=on,
            amount=Decimal("1000.00"),
            today=date(2026, 6, 1),
        )

    before, after = file(date(2025, 12, 31)), file(date(2026, 1, 1))
    assert (before.reimbursed_percent, before.reimbursed_amount) == (50, Decimal("500.00"))
    assert (after.reimbursed_percent, after.reimbursed_amount) == (40, Decimal("400.00"))


def test_claims_wait_for_the_green_light(agreed_application, staff_member):
    with pytest.raises(ValidationError):
        svc.expense_claim_file(
            actor=staff_member.user,
            application_id=agreed_application.pk,
            kind="travel",
            claim_date=today(),
            amount=Decimal("10"),
        )


@pytest.mark.parametrize(("amount", "offset", "field"), [(Decimal("0"), 0, "amount"), (Decimal("10"), 1, "claim_date")])
def test_claim_amount_and_date_are_checked(approved_application, staff_member, amount, offset, field):
    with pytest.raises(ValidationError) as error:
        svc.expense_claim_file(
            actor=staff_member.user,
            application_id=approved_application.pk,
            kind="travel",
            claim_date=today() + timedelta(days=offset),
            amount=amount,
        )
    assert field in error.value.message_dict
    assert not approved_application.claims.exists()


def test_a_colleague_cannot_file_a_claim_on_someone_elses_stay(approved_application, outsider):
    with pytest.raises(PermissionDenied):
        svc.expense_claim_file(
            actor=outsider.user,
            application_id=approved_application.pk,
            kind="travel",
            claim_date=today(),
            amount=Decimal("10"),
        )


# --- calls ------------------------------------------------------------------------------------------
def test_call_durations_default_per_kind_from_the_parameters(central_hr):
    PolicyParameter.objects.create(
        key="mobility.international.work_visit_max_months", value=2, valid_from=date(2020, 1, 1)
    )
    common = {"actor": central_hr, "opens_on": today(), "closes_on": today(), "eligible_levels": ["A"], "hosts": ["X"]}
    exchange = svc.call_create(title="U", kind=MobilityCall.Kind.EXCHANGE, **common)
    visit = svc.call_create(title="W", kind=MobilityCall.Kind.WORK_VISIT, **common)
    custom = svc.call_create(title="K", kind=MobilityCall.Kind.WORK_VISIT, min_months=1, max_months=1, **common)
    assert (exchange.min_months, exchange.max_months) == (1, 6)
    assert (visit.min_months, visit.max_months) == (1, 2)
    assert (custom.min_months, custom.max_months) == (1, 1)
    assert visit.hosts.get().name == "X"


def test_call_rules_and_who_opens_calls(central_hr, hr_officer):
    with pytest.raises(PermissionDenied):
        svc.call_create(
            actor=hr_officer, title="U", kind="exchange", opens_on=today(), closes_on=today(),
            eligible_levels=["A"], hosts=["X"],
        )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        svc.call_create(
            actor=central_hr, title="U", kind="exchange", opens_on=today(), closes_on=today() - timedelta(days=1),
            eligible_levels=[], hosts=[" "], min_months=4, max_months=3,
        )  # fmt: skip
    assert set(error.value.message_dict) == {"closes_on", "eligible_levels", "hosts", "max_months"}
    assert not MobilityCall.objects.exists()


# --- external mobility ------------------------------------------------------------------------------
def _record(actor, vacancy, **overrides):
    values = {
        "first_name": "Lotte",
        "last_name": "Peeters",
        "email": "lotte@gent.example",
        "origin": "local_government",
        "employer": "Stad Gent",
        "permanently_appointed": True,
        "seniority_years": 12,
        "seniority_months": 11,
    }
    values.update(overrides)
    return svc.external_applicant_record(actor=actor, vacancy_id=vacancy.pk, **values)


def test_permanently_appointed_applicant_keeps_monetary_seniority(central_hr):
    applicant = _record(central_hr, VacancyFactory())
    assert (applicant.seniority_years, applicant.seniority_months) == (12, 11)
    assert applicant.selection == ExternalApplicant.Selection.PENDING
    assert AuditEvent.objects.filter(action="mobility.external.applicant_recorded").count() == 1


def test_not_permanently_appointed_is_refused_with_a_clear_message(central_hr):
    with pytest.raises(ValidationError) as error:
        _record(central_hr, VacancyFactory(), permanently_appointed=False)
    assert "permanently appointed" in error.value.message_dict["permanently_appointed"][0]
    assert not ExternalApplicant.objects.exists()


def test_seniority_months_run_to_eleven(central_hr):
    with pytest.raises(ValidationError) as error:
        _record(central_hr, VacancyFactory(), seniority_months=12)
    assert "seniority_months" in error.value.message_dict


def test_closed_or_expired_vacancy_takes_no_applicants(central_hr):
    vacancy = VacancyFactory(closes_on=today())
    assert _record(central_hr, vacancy).pk
    with pytest.raises(ValidationError):
        _record(central_hr, vacancy, email="b@x.example", today=today() + timedelta(days=1))
    svc.vacancy_close(actor=central_hr, vacancy_id=vacancy.pk)
    with pytest.raises(ValidationError):
        _record(central_hr, vacancy, email="c@x.example")


def test_shortened_selection_is_recorded_once(central_hr, hr_officer):
    applicant = ExternalApplicantFactory()
    with pytest.raises(PermissionDenied):
        svc.external_selection_record(actor=hr_officer, applicant_id=applicant.pk, passed=True, selection_date=today())
    svc.external_selection_record(
        actor=central_hr, applicant_id=applicant.pk, passed=True, selection_date=today(), note="Gesprek"
    )
    applicant.refresh_from_db()
    assert applicant.selection == ExternalApplicant.Selection.PASSED and applicant.selection_date == today()
    with pytest.raises(ValidationError):
        svc.external_selection_record(actor=central_hr, applicant_id=applicant.pk, passed=False, selection_date=today())


# --- detachments ------------------------------------------------------------------------------------
def test_detachment_compensates_half_the_salary_when_the_institution_does_not_pay(central_hr, staff_member):
    PolicyParameter.objects.create(
        key="mobility.detachment.compensated_salary_share_percent", value=60, valid_from=date(2027, 1, 1)
    )
    unpaid = svc.detachment_register(
        actor=central_hr,
        staff_id=staff_member.pk,
        institution="Europese Commissie",
        start=date(2026, 12, 31),
        end=date(2026, 12, 31),
        annual_salary_cost=Decimal("80000.00"),
        institution_pays_salary=False,
    )
    later = svc.detachment_register(
        actor=central_hr,
        staff_id=staff_member.pk,
        institution="OESO",
        start=date(2027, 1, 1),
        annual_salary_cost=Decimal("80000.00"),
        institution_pays_salary=False,
    )
    assert (unpaid.compensated_percent, unpaid.compensation_amount) == (50, Decimal("40000.00"))
    assert (later.compensated_percent, later.compensation_amount) == (60, Decimal("48000.00"))
    event = AuditEvent.objects.filter(action="mobility.detachment.registered").order_by("id").first()
    assert event.parameters["on"] == "2026-12-31"


def test_no_compensation_when_the_institution_pays(central_hr, staff_member):
    paid = svc.detachment_register(
        actor=central_hr,
        staff_id=staff_member.pk,
        institution="OESO",
        start=today(),
        annual_salary_cost=Decimal("90000"),
        institution_pays_salary=True,
    )
    assert paid.compensation_amount == Decimal("0.00")


def test_overlapping_detachments_and_non_central_actors_are_refused(central_hr, hr_officer, staff_member):
    values = {
        "staff_id": staff_member.pk,
        "institution": "OESO",
        "annual_salary_cost": Decimal("1"),
        "institution_pays_salary": True,
    }
    svc.detachment_register(actor=central_hr, start=date(2026, 1, 1), end=date(2026, 6, 30), **values)
    with pytest.raises(ValidationError):
        svc.detachment_register(actor=central_hr, start=date(2026, 6, 30), **values)
    assert svc.detachment_register(actor=central_hr, start=date(2026, 7, 1), **values).pk
    with pytest.raises(PermissionDenied):
        svc.detachment_register(actor=hr_officer, start=date(2030, 1, 1), **values)
    assert Detachment.objects.count() == 2


def test_a_claim_is_dated_within_the_stay_or_its_window_at_the_limits(approved_application, staff_member):
    """Issue 14: costs dated years before the call were reimbursed. Window: 60 days before, 90 after."""
    type(approved_application).objects.filter(pk=approved_application.pk).update(
        start=date(2026, 3, 1), end=date(2026, 4, 30)
    )

    def file(on):
        return svc.expense_claim_file(
            actor=staff_member.user,
            application_id=approved_application.pk,
            kind="travel",
            claim_date=on,
            amount=Decimal("100.00"),
            today=date(2026, 11, 30),
        )

    assert file(date(2025, 12, 31)).pk  # 60 days before the stay
    with pytest.raises(ValidationError) as early:
        file(date(2025, 12, 30))
    assert "claim_date" in early.value.message_dict
    assert file(date(2026, 7, 29)).pk  # 90 days after
    with pytest.raises(ValidationError):
        file(date(2026, 7, 30))
    with pytest.raises(ValidationError):
        file(date(2019, 5, 1))  # years before the call
