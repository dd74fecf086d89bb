from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from hrportal.audit.models import AuditEvent
from hrportal.parameters.services import parameter_set
from leadership.models import AnnualEvaluation, Mandate, Registration, TopSession
from leadership.topmanagement.models import add_months
from leadership.topmanagement.selectors import mailing_list, mandates_ending
from leadership.topmanagement.services import (
    annual_evaluation_record,
    candidate_save,
    mandate_create,
    mandate_evaluate,
    mandate_renew,
    registration_create,
)
from tests.factories import StaffFactory
from tests.leadership.factories import MandateFactory, TopSessionFactory, VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_a_mandate_lasts_six_years_and_records_the_parameter(central_hr, entity):
    official = StaffFactory(entity=entity, top_manager=True)
    mandate = mandate_create(
        actor=central_hr, official=official, entity=entity, function_title="AG", start=date(2024, 2, 29)
    )
    assert mandate.end == date(2030, 2, 28)  # 29 February moves to the last day of February
    event = AuditEvent.objects.get(action="leadership.top_mandate.created")
    assert event.parameters["values"] == {"leadership.top_mandate_years": 6}


def test_the_mandate_length_follows_the_parameter_in_force_at_the_start(central_hr, entity):
    parameter_set(key="leadership.top_mandate_years", value=5, valid_from=timezone.localdate(), actor=central_hr)
    official = StaffFactory(entity=entity, top_manager=True)
    start = timezone.localdate()
    mandate = mandate_create(actor=central_hr, official=official, entity=entity, function_title="AG", start=start)
    assert mandate.end == add_months(start, 60)


def test_only_central_hr_records_mandates(hr_officer, entity):
    official = StaffFactory(entity=entity, top_manager=True)
    with pytest.raises(PermissionDenied):
        mandate_create(actor=hr_officer, official=official, entity=entity, function_title="AG", start=date(2024, 1, 1))


def test_a_renewal_without_an_end_of_mandate_evaluation_is_refused(central_hr):
    mandate = MandateFactory()
    with pytest.raises(ValidationError, match="only after its end-of-mandate evaluation"):
        mandate_renew(actor=central_hr, mandate_id=mandate.pk)


def test_a_renewal_after_a_negative_evaluation_is_refused(central_hr):
    mandate = MandateFactory()
    mandate_evaluate(actor=central_hr, mandate_id=mandate.pk, evaluated_on=date(2026, 1, 10), result="negative")
    with pytest.raises(ValidationError, match="positive"):
        mandate_renew(actor=central_hr, mandate_id=mandate.pk)


def test_a_positive_evaluation_opens_the_renewal_once(central_hr):
    mandate = MandateFactory()
    mandate_evaluate(actor=central_hr, mandate_id=mandate.pk, evaluated_on=date(2026, 1, 10), result="positive")
    renewal = mandate_renew(actor=central_hr, mandate_id=mandate.pk)
    assert (renewal.start, renewal.end, renewal.term, renewal.previous_id) == (
        date(2027, 3, 1),
        date(2033, 3, 1),
        2,
        mandate.pk,
    )
    mandate.refresh_from_db()
    assert mandate.status == Mandate.Status.RENEWED
    with pytest.raises(ValidationError):
        mandate_renew(actor=central_hr, mandate_id=mandate.pk)
    assert AuditEvent.objects.get(action="leadership.top_mandate.renewed").parameters["values"] == {
        "leadership.top_mandate_years": 6
    }


def test_the_end_of_mandate_evaluation_is_recorded_once(central_hr):
    mandate = MandateFactory()
    mandate_evaluate(actor=central_hr, mandate_id=mandate.pk, evaluated_on=date(2026, 1, 10), result="positive")
    with pytest.raises(ValidationError):
        mandate_evaluate(actor=central_hr, mandate_id=mandate.pk, evaluated_on=date(2026, 1, 11), result="negative")


def test_mandates_ending_within_twelve_months_and_not_one_day_later(db):
    today = timezone.localdate()
    inside = MandateFactory(start=add_months(today, -60), end=add_months(today, 12))
    outside = MandateFactory(start=add_months(today, -60), end=add_months(today, 12) + timedelta(days=1))
    ending = list(mandates_ending(today=today))
    assert inside in ending and outside not in ending


def test_one_annual_evaluation_per_official_and_year(central_hr, entity):
    official = StaffFactory(entity=entity, top_manager=True)
    annual_evaluation_record(
        actor=central_hr, official=official, year=2025, rating="good", evaluated_on=date(2025, 12, 1)
    )
    with pytest.raises(ValidationError) as error:
        annual_evaluation_record(
            actor=central_hr, official=official, year=2025, rating="excellent", evaluated_on=date(2025, 12, 2)
        )
    assert "year" in error.value.message_dict
    annual_evaluation_record(
        actor=central_hr, official=official, year=2024, rating="good", evaluated_on=date(2024, 12, 1)
    )
    assert AnnualEvaluation.objects.filter(official=official).count() == 2


def test_the_annual_evaluation_is_for_top_officials(central_hr, line_manager):
    with pytest.raises(ValidationError):
        annual_evaluation_record(
            actor=central_hr, official=line_manager, year=2025, rating="good", evaluated_on=date(2025, 12, 1)
        )


def test_an_appointed_candidate_reached_the_appointment_and_only_one_per_top_function(central_hr):
    vacancy = VacancyFactory()
    with pytest.raises(ValidationError):
        candidate_save(
            actor=central_hr, vacancy_id=vacancy.pk, name="A", gender="F", stage="interview", outcome="appointed"
        )
    candidate_save(
        actor=central_hr, vacancy_id=vacancy.pk, name="A", gender="F", stage="appointment", outcome="appointed"
    )
    with pytest.raises(ValidationError):
        candidate_save(
            actor=central_hr, vacancy_id=vacancy.pk, name="B", gender="M", stage="appointment", outcome="appointed"
        )
    withdrawn = candidate_save(
        actor=central_hr, vacancy_id=vacancy.pk, name="C", gender="M", stage="interview", outcome="withdrawn"
    )
    assert withdrawn.stage == "interview"


def test_a_session_takes_registrations_up_to_its_capacity_and_not_one_more(entity):
    session = TopSessionFactory(capacity=2)
    people = [StaffFactory(entity=entity, with_user=True) for _ in range(3)]
    registration_create(actor=people[0].user, session_id=session.pk, mailing_opt_in=True)
    registration_create(actor=people[1].user, session_id=session.pk)
    with pytest.raises(ValidationError, match="full"):
        registration_create(actor=people[2].user, session_id=session.pk)
    assert Registration.objects.filter(session=session).count() == 2
    assert [r["staff__email"] for r in mailing_list()] == [people[0].email]


def test_a_second_registration_of_the_same_person_is_refused(staff_member):
    session = TopSessionFactory()
    registration_create(actor=staff_member.user, session_id=session.pk)
    with pytest.raises(ValidationError, match="already registered"):
        registration_create(actor=staff_member.user, session_id=session.pk)


def test_intervision_is_for_top_officials_only(staff_member, entity):
    session = TopSessionFactory(kind=TopSession.Kind.INTERVISION)
    with pytest.raises(PermissionDenied):
        registration_create(actor=staff_member.user, session_id=session.pk)
    official = StaffFactory(entity=entity, top_manager=True, with_user=True)
    registration = registration_create(actor=official.user, session_id=session.pk, mailing_opt_in=True)
    assert registration.mailing_opt_in is False  # the mailing list is for panel events


def test_the_mailing_list_csv_neutralises_formulas(client, central_hr, entity):
    person = StaffFactory(entity=entity, with_user=True, first_name="=HYPERLINK(1)")
    registration_create(actor=person.user, session_id=TopSessionFactory().pk, mailing_opt_in=True)
    client.force_login(central_hr)
    response = client.get("/leadership/top/mailing-list.csv")
    assert response.status_code == 200
    assert "'=HYPERLINK(1)" in response.content.decode("utf-8-sig")
