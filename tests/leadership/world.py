"""One organisation with records of every leadership part in two entities, for the permission matrices."""

from datetime import date

import pytest

from hrportal.models import Competency
from leadership.development.services import onboarding_start
from leadership.models import Assessment, AssessmentScore, Enrolment, OnboardingChecklist
from tests.factories import HrOfficerScopeFactory, StaffFactory, UserFactory
from tests.leadership.factories import (
    MatchFactory,
    MenteeFactory,
    MentorFactory,
    ModuleFactory,
    ProbationFactory,
    SelectionFactory,
    SessionFactory,
)

ROLES = ["member", "manager", "hr", "central", "admin", "outsider", "other_hr"]


def _assessment(staff):
    assessment = Assessment.objects.create(
        staff=staff, role="leader", tier="N-1", assessed_on=date(2025, 5, 1), result="potential", advice="Doorgroeien"
    )
    AssessmentScore.objects.create(assessment=assessment, competency=Competency.objects.first(), score=3)
    return assessment


@pytest.fixture
def world(staff_member, team_leader, line_manager, hr_officer, central_hr, admin_user, outsider, entity, other_entity):
    other_hr = HrOfficerScopeFactory(entity=other_entity, user=UserFactory(username="other_hr")).user
    StaffFactory(entity=other_entity, user=other_hr)
    other_leader = StaffFactory(entity=other_entity, middle_manager=True)
    session = SessionFactory(module=ModuleFactory())
    own_enrolment = Enrolment.objects.create(session=session, staff=staff_member)
    other_enrolment = Enrolment.objects.create(session=session, staff=outsider)
    onboarding_start(actor=hr_officer, staff=team_leader, starts_on=date(2025, 3, 1))
    onboarding_start(actor=central_hr, staff=other_leader, starts_on=date(2025, 3, 1))
    mentor = MentorFactory(staff=StaffFactory(entity=other_entity, middle_manager=True))
    own_match = MatchFactory(mentor=mentor, mentee=MenteeFactory(staff=staff_member))
    other_match = MatchFactory(
        mentor=MentorFactory(staff=StaffFactory(entity=other_entity, middle_manager=True)),
        mentee=MenteeFactory(staff=outsider),
    )
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
            "other_hr": other_hr,
        },
        "ids": {
            "member_staff": staff_member.pk,
            "outsider_staff": outsider.pk,
            "sel_own": SelectionFactory(entity=entity).pk,
            "sel_other": SelectionFactory(entity=other_entity).pk,
            "prob_own": ProbationFactory(staff=team_leader).pk,
            "prob_other": ProbationFactory(staff=other_leader).pk,
            "as_own": _assessment(staff_member).pk,
            "as_other": _assessment(outsider).pk,
            "trajectory": session.module.trajectory_id,
            "session": session.pk,
            "enr_own": own_enrolment.pk,
            "enr_other": other_enrolment.pk,
            "onb_own": OnboardingChecklist.objects.get(staff=team_leader).pk,
            "onb_other": OnboardingChecklist.objects.get(staff=other_leader).pk,
            "mentee_own": own_match.mentee_id,
            "mentee_other": other_match.mentee_id,
            "match_own": own_match.pk,
            "match_other": other_match.pk,
        },
    }
