"""A dismissal decision ends the person's service in the core (issue 10, item 2)."""

from datetime import date

import pytest
from django.urls import reverse

from deployability.evaluations.services import case_decide_dismissal, case_dismiss_special, case_start_guidance
from deployability.models import EvaluationCase, GuidanceTrajectory, LeaveRequest, Offer, RedeploymentCandidate
from hrportal.audit.models import AuditEvent
from hrportal.models import Evaluation
from hrportal.selectors.staff import staff_directory
from tests.deployability.leave.factories import LeaveRequestFactory
from tests.deployability.redeployment.factories import CandidateFactory, OfferFactory, TrajectoryFactory
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db
INSUFFICIENT = Evaluation.Rating.INSUFFICIENT
GOOD = Evaluation.Rating.GOOD
DECIDED = date(2026, 2, 1)


@pytest.fixture
def case(staff_member):
    EvaluationFactory(staff=staff_member, evaluated_on=date(2026, 1, 15), rating=INSUFFICIENT)
    return EvaluationCase.objects.get(staff=staff_member)


def test_dismissal_in_special_circumstances_ends_service_and_closes_what_is_open(client, case, hr_officer):
    staff = case.staff
    trajectory = TrajectoryFactory(staff=staff, started_on=date(2026, 1, 20))
    candidate = CandidateFactory(staff=staff)
    offer = OfferFactory(candidate=candidate)
    pending = LeaveRequestFactory(staff=staff, start=date(2026, 3, 2), end=date(2026, 3, 6))
    future = LeaveRequestFactory(
        staff=staff, start=date(2026, 2, 2), end=date(2026, 2, 3), days=2, status=LeaveRequest.Status.APPROVED
    )
    taken = LeaveRequestFactory(  # began on the decision day: it stays as taken
        staff=staff, start=DECIDED, end=DECIDED, days=1, status=LeaveRequest.Status.APPROVED
    )
    case_dismiss_special(actor=hr_officer, case_id=case.pk, finding="Geen goede wil", decided_on=DECIDED)
    staff.refresh_from_db()
    assert not staff.is_active
    assert not staff_directory(viewer=hr_officer).filter(pk=staff.pk).exists()
    trajectory.refresh_from_db()
    assert trajectory.status == GuidanceTrajectory.Status.COMPLETED and trajectory.completed_on == DECIDED
    candidate.refresh_from_db()
    assert candidate.status == RedeploymentCandidate.Status.WITHDRAWN
    assert Offer.objects.get(pk=offer.pk).status == Offer.Status.WITHDRAWN
    statuses = {r.pk: r.status for r in LeaveRequest.objects.all()}
    assert statuses[pending.pk] == statuses[future.pk] == LeaveRequest.Status.WITHDRAWN
    assert statuses[taken.pk] == LeaveRequest.Status.APPROVED
    event = AuditEvent.objects.get(action="deployability.evaluation_case.service_ended")
    assert event.after["is_active"] is False and event.after["leave"] == 2 and event.after["offers"] == 1
    client.force_login(hr_officer)
    page = client.get(reverse("deployability:evaluations-case-detail", args=[case.pk])).content.decode()
    assert "uit dienst" in page


def test_the_mandatory_dismissal_decision_ends_service(case, hr_officer):
    case_start_guidance(
        actor=hr_officer, case_id=case.pk, kind="coaching", goal="Werkpunten", started_on=date(2026, 1, 20)
    )
    EvaluationFactory(staff=case.staff, evaluated_on=date(2026, 7, 15), rating=INSUFFICIENT)
    case.refresh_from_db()
    assert case.status == EvaluationCase.Status.DISMISSAL_REQUIRED
    assert case.staff.is_active  # mandatory is not yet decided
    case_decide_dismissal(actor=hr_officer, case_id=case.pk, decided_on=date(2026, 8, 1), note="Besluit 2026/8")
    case.staff.refresh_from_db()
    assert not case.staff.is_active
    # the guidance trajectory of the case closed with the service
    assert GuidanceTrajectory.objects.get(staff=case.staff).status == GuidanceTrajectory.Status.COMPLETED


def test_guidance_does_not_end_service(case, hr_officer):
    case_start_guidance(
        actor=hr_officer, case_id=case.pk, kind="coaching", goal="Werkpunten", started_on=date(2026, 1, 20)
    )
    case.staff.refresh_from_db()
    assert case.staff.is_active
    assert not AuditEvent.objects.filter(action="deployability.evaluation_case.service_ended").exists()
