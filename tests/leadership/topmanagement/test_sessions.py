"""Sessions: cancellation and attendance by central HR; leaving the mailing list (page, signed link, API)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone, translation

from hrportal.audit.models import AuditEvent
from leadership.models import Registration, TopSession
from leadership.topmanagement.selectors import (
    mailing_list,
    mailing_unsubscribe_staff_id,
    mailing_unsubscribe_token,
)
from leadership.topmanagement.services import (
    registration_cancel,
    registration_create,
    session_attendance_record,
    session_cancel,
)
from tests.factories import StaffFactory
from tests.leadership.factories import TopSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _registered(session, n, *, entity, opt_in=False):
    people = [StaffFactory(entity=entity, with_user=True) for _ in range(n)]
    return [Registration.objects.create(session=session, staff=p, mailing_opt_in=opt_in) for p in people]


def test_central_hr_cancels_a_session_and_each_registrant_is_told_once(
    central_hr, entity, django_capture_on_commit_callbacks
):
    session = TopSessionFactory(held_on=timezone.localdate())  # its day: still cancellable
    registrations = _registered(session, 3, entity=entity)
    with django_capture_on_commit_callbacks(execute=True):
        session_cancel(actor=central_hr, session_id=session.pk, reason="  De spreker is ziek. ")
    session.refresh_from_db()
    assert session.cancelled_on == timezone.localdate() and session.cancel_reason == "De spreker is ziek."
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.staff.email for r in registrations)
    assert all(len(m.to) == 1 and "De spreker is ziek." in m.body for m in mail.outbox)
    assert AuditEvent.objects.filter(action="leadership.top_session.cancelled").count() == 1
    # then: no new registration, no own cancellation, no second cancellation
    with pytest.raises(ValidationError, match="cancelled"):
        registration_create(actor=StaffFactory(entity=entity, with_user=True).user, session_id=session.pk)
    with pytest.raises(ValidationError, match="cancelled"):
        registration_cancel(actor=registrations[0].staff.user, registration_id=registrations[0].pk)
    with pytest.raises(ValidationError, match="already been cancelled"):
        session_cancel(actor=central_hr, session_id=session.pk, reason="Nogmaals")


def test_a_past_session_or_no_reason_cannot_be_cancelled_and_only_central_hr_may(central_hr, staff_member):
    past = TopSessionFactory(held_on=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError, match="already taken place"):
        session_cancel(actor=central_hr, session_id=past.pk, reason="Te laat")
    coming = TopSessionFactory()
    with pytest.raises(ValidationError) as error:
        session_cancel(actor=central_hr, session_id=coming.pk, reason="   ")
    assert "reason" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        session_cancel(actor=staff_member.user, session_id=coming.pk, reason="Ik wil niet")
    assert not TopSession.objects.filter(cancelled_on__isnull=False).exists()


def test_attendance_is_recorded_from_the_sessions_day_and_not_the_day_before(central_hr, entity):
    tomorrow = TopSessionFactory(held_on=timezone.localdate() + timedelta(days=1))
    _registered(tomorrow, 1, entity=entity)
    with pytest.raises(ValidationError, match="from the day of the session"):
        session_attendance_record(actor=central_hr, session_id=tomorrow.pk, attended=[])
    today = TopSessionFactory(held_on=timezone.localdate())
    came, stayed_away = _registered(today, 2, entity=entity)
    assert session_attendance_record(actor=central_hr, session_id=today.pk, attended=[came.pk]) == 1
    assert dict(today.registrations.values_list("pk", "attended")) == {came.pk: True, stayed_away.pk: False}
    # recorded again: the new list replaces the old one
    session_attendance_record(actor=central_hr, session_id=today.pk, attended=[stayed_away.pk])
    assert dict(today.registrations.values_list("pk", "attended")) == {came.pk: False, stayed_away.pk: True}


def test_attendance_takes_only_registrations_of_the_session(central_hr, entity):
    session = TopSessionFactory(held_on=timezone.localdate())
    other = _registered(TopSessionFactory(held_on=timezone.localdate()), 1, entity=entity)[0]
    with pytest.raises(ValidationError) as error:
        session_attendance_record(actor=central_hr, session_id=session.pk, attended=[other.pk])
    assert "attended" in error.value.message_dict
    assert Registration.objects.get(pk=other.pk).attended is None


def test_the_attendance_page_checks_the_boxes_and_records_them(central_hr, entity):
    session = TopSessionFactory(held_on=timezone.localdate())
    came, absent = _registered(session, 2, entity=entity)
    client = Client()
    client.force_login(central_hr)
    page = client.get(f"/leadership/top/sessions/{session.pk}/").content.decode()
    assert f'name="attended" type="checkbox" value="{came.pk}"' in page
    response = client.post(f"/leadership/top/sessions/{session.pk}/attendance/", {"attended": [str(came.pk), "x"]})
    assert response.status_code == 302
    assert Registration.objects.get(pk=came.pk).attended is True
    assert Registration.objects.get(pk=absent.pk).attended is False


def test_the_cancel_form_shows_the_missing_reason(central_hr):
    session = TopSessionFactory()
    client = Client()
    client.force_login(central_hr)
    page = client.post(f"/leadership/top/sessions/{session.pk}/cancel/", {"reason": ""}).content.decode()
    assert "govuk-error-summary" in page
    response = client.post(f"/leadership/top/sessions/{session.pk}/cancel/", {"reason": "Zaal niet beschikbaar"})
    assert response.status_code == 302
    assert "Zaal niet beschikbaar" in client.get(f"/leadership/top/sessions/{session.pk}/").content.decode()


def test_the_signed_link_takes_one_person_off_the_list_without_signing_in(entity):
    first, second = (TopSessionFactory(), TopSessionFactory())
    person = StaffFactory(entity=entity, with_user=True)
    for session in (first, second):
        Registration.objects.create(session=session, staff=person, mailing_opt_in=True)
    other = _registered(first, 1, entity=entity, opt_in=True)[0]
    token = mailing_unsubscribe_token(staff_id=person.pk)
    url = f"/leadership/top/mailing-list/unsubscribe/{token}/"
    client = Client()
    # a GET (a mail scanner following the link) changes nothing
    assert client.get(url).status_code == 200
    assert len(mailing_list()) == 2
    response = client.post(url)
    assert response.status_code == 200 and "govuk-panel--confirmation" in response.content.decode()
    assert [r["staff_id"] for r in mailing_list()] == [other.staff_id]
    assert Registration.objects.filter(staff=person).count() == 2  # the registrations themselves stay
    assert client.post(url).status_code == 200  # again: harmless
    event = AuditEvent.objects.get(action="leadership.top_mailing.unsubscribed")
    assert event.actor is None and event.note == "signed link"


def test_an_altered_or_foreign_token_answers_404(entity):
    token = mailing_unsubscribe_token(staff_id=StaffFactory(entity=entity).pk)
    assert mailing_unsubscribe_staff_id(token=token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert mailing_unsubscribe_staff_id(token="1") is None
    assert Client().post("/leadership/top/mailing-list/unsubscribe/1:abc/").status_code == 404


def test_the_page_toggle_and_the_registration_mail_offer_the_way_out(staff_member, django_capture_on_commit_callbacks):
    session = TopSessionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(actor=staff_member.user, session_id=session.pk, mailing_opt_in=True)
    assert "/leadership/top/mailing-list/unsubscribe/" in mail.outbox[0].body
    client = Client()
    client.force_login(staff_member.user)
    assert "/leadership/top/mailing-list/leave/" in client.get("/leadership/top/").content.decode()
    assert client.post("/leadership/top/mailing-list/leave/").status_code == 302
    assert not Registration.objects.filter(mailing_opt_in=True).exists()
    assert "/leadership/top/mailing-list/leave/" not in client.get("/leadership/top/").content.decode()


def test_the_mailing_list_csv_carries_each_persons_link(client, central_hr, entity):
    registration = _registered(TopSessionFactory(), 1, entity=entity, opt_in=True)[0]
    client.force_login(central_hr)
    csv = client.get("/leadership/top/mailing-list.csv").content.decode("utf-8-sig")
    token = mailing_unsubscribe_token(staff_id=registration.staff_id)
    assert f"/leadership/top/mailing-list/unsubscribe/{token}/" in csv
