from datetime import date

import pytest
from django.urls import reverse

from deployability.models import GuidanceTrajectory, Offer, RedeploymentCandidate
from tests.deployability.redeployment.factories import CandidateFactory, OfferFactory, TrajectoryFactory, VacancyFactory
from tests.factories import StaffCompetencyFactory

pytestmark = pytest.mark.django_db


def test_manager_opens_completes_and_registers(client, line_manager, staff_member):
    client.force_login(line_manager.user)
    response = client.post(
        reverse("deployability:redeployment-trajectory-create"),
        {
            "staff": staff_member.personnel_number,
            "kind": "training",
            "goal": "Digitale vaardigheden",
            "started_on": "2026-01-05",
            "step_1_title": "Opleiding",
            "step_1_on": "2026-02-01",
        },
    )
    assert response.status_code == 302
    trajectory = GuidanceTrajectory.objects.get()
    detail = reverse("deployability:redeployment-trajectory-detail", args=[trajectory.pk])
    assert client.get(detail).status_code == 200
    # registering before the trajectory is complete says why
    response = client.post(
        reverse("deployability:redeployment-trajectory-register", args=[trajectory.pk]), {"registered_on": "2026-04-01"}
    )
    assert response.status_code == 400
    assert "begeleidings" in response.content.decode() or "guidance and support trajectory" in response.content.decode()
    client.post(
        reverse("deployability:redeployment-trajectory-complete", args=[trajectory.pk]),
        {"completed_on": "2026-03-31", "outcome": "Goed afgerond"},
    )
    response = client.post(
        reverse("deployability:redeployment-trajectory-register", args=[trajectory.pk]),
        {"registered_on": "2026-04-01", "place": "Gent"},
    )
    assert response.status_code == 302
    assert RedeploymentCandidate.objects.get().place == "Gent"


def test_trajectory_form_refuses_someone_outside_the_team(client, line_manager, staff_member, outsider):
    client.force_login(line_manager.user)
    response = client.post(
        reverse("deployability:redeployment-trajectory-create"),
        {"staff": outsider.personnel_number, "kind": "training", "goal": "x", "started_on": "2026-01-05"},
    )
    assert response.status_code == 400
    assert not GuidanceTrajectory.objects.exists()


def test_hr_pages_render(client, hr_officer, staff_member, entity):
    candidate = CandidateFactory(staff=staff_member)
    vacancy = VacancyFactory(entity=entity, grade="B1")
    StaffCompetencyFactory(staff=staff_member, level=3)
    OfferFactory(candidate=CandidateFactory(), vacancy=VacancyFactory())
    client.force_login(hr_officer)
    for name, args in [
        ("deployability:index", []),
        ("deployability:redeployment-candidates", []),
        ("deployability:redeployment-candidate-detail", [candidate.pk]),
        ("deployability:redeployment-vacancies", []),
        ("deployability:redeployment-vacancy-create", []),
        ("deployability:redeployment-vacancy-detail", [vacancy.pk]),
        ("deployability:redeployment-offers", []),
        ("deployability:redeployment-figures", []),
        ("deployability:redeployment-trajectories", []),
        ("deployability:redeployment-mine", []),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    page = client.get(reverse("deployability:redeployment-vacancy-detail", args=[vacancy.pk])).content.decode()
    assert staff_member.full_name in page


def test_offer_refuse_twice_then_ex_officio_through_the_pages(client, hr_officer, staff_member):
    candidate = CandidateFactory(staff=staff_member)
    for number in (1, 2):
        vacancy = VacancyFactory()
        client.force_login(hr_officer)
        response = client.post(
            reverse("deployability:redeployment-vacancy-offer", args=[vacancy.pk]),
            {"candidate": candidate.pk, "offered_on": "2026-05-10"},
        )
        assert response.status_code == 302
        offer = Offer.objects.get(number=number)
        client.force_login(staff_member.user)
        page = client.get(reverse("deployability:redeployment-offer-detail", args=[offer.pk]))
        assert page.status_code == 200
        response = client.post(
            reverse("deployability:redeployment-offer-refuse", args=[offer.pk]),
            {"reason": "Te ver", "answered_on": "2026-05-11"},
        )
        assert response.status_code == 302
    client.force_login(hr_officer)
    page = client.get(reverse("deployability:redeployment-candidate-detail", args=[candidate.pk])).content.decode()
    assert "2" in page
    vacancy = VacancyFactory()
    response = client.post(
        reverse("deployability:redeployment-candidate-offer", args=[candidate.pk]),
        {"vacancy": vacancy.pk, "offered_on": "2026-05-12"},
    )
    assert response.status_code == 302
    assert Offer.objects.get(number=3).status == Offer.Status.EX_OFFICIO
    client.force_login(staff_member.user)
    assert client.get(reverse("deployability:redeployment-mine")).status_code == 200


def test_staff_member_sees_own_trajectory(client, staff_member):
    trajectory = TrajectoryFactory(staff=staff_member, started_on=date(2026, 1, 1))
    client.force_login(staff_member.user)
    assert client.get(reverse("deployability:redeployment-trajectory-detail", args=[trajectory.pk])).status_code == 200
    assert client.get(reverse("deployability:redeployment-candidates")).status_code == 404
