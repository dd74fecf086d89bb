from datetime import date

import pytest
from django.core import mail

from deployability.redeployment.services import candidate_register, offer_make
from tests.deployability.redeployment.factories import CandidateFactory, TrajectoryFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def test_hr_is_told_of_a_registration_and_the_candidate_of_an_offer(
    hr_officer, line_manager, staff_member, colleague, django_capture_on_commit_callbacks
):
    TrajectoryFactory(staff=colleague, completed=True)
    with django_capture_on_commit_callbacks(execute=True):
        candidate_register(actor=line_manager.user, staff=colleague, registered_on=date(2026, 4, 1))
    assert [m.to for m in mail.outbox] == [[hr_officer.email]]
    mail.outbox.clear()
    candidate = CandidateFactory(staff=staff_member)
    with django_capture_on_commit_callbacks(execute=True):
        offer_make(
            actor=hr_officer, candidate_id=candidate.pk, vacancy_id=VacancyFactory().pk, offered_on=date(2026, 5, 10)
        )
    assert [m.to for m in mail.outbox] == [[staff_member.email]]
    assert "/deployability/redeployment/offers/" in mail.outbox[0].body
