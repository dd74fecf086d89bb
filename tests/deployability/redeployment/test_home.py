from datetime import date

import pytest

from deployability.evaluations.home import action_items as case_items
from deployability.models import RedeploymentCandidate
from deployability.redeployment.home import action_items
from hrportal.models import Evaluation
from tests.deployability.redeployment.factories import CandidateFactory, OfferFactory, TrajectoryFactory
from tests.factories import EvaluationFactory

pytestmark = pytest.mark.django_db


def _counts(items):
    return {item.label: item.count for item in items}


def test_each_role_finds_what_waits_for_them(staff_member, line_manager, hr_officer, colleague, outsider):
    OfferFactory(candidate=CandidateFactory(staff=staff_member))
    TrajectoryFactory(staff=colleague, opened_by=line_manager.user)
    CandidateFactory(staff=colleague, status=RedeploymentCandidate.Status.REGISTERED)
    EvaluationFactory(staff=colleague, evaluated_on=date(2026, 1, 15), rating=Evaluation.Rating.INSUFFICIENT)
    assert 1 in _counts(action_items(staff_member.user)).values()
    assert sorted(_counts(action_items(line_manager.user)).values()) == [0, 1]
    hr = _counts(action_items(hr_officer))
    assert max(hr.values()) == 1
    assert [i.count for i in case_items(hr_officer)] == [1]
    assert case_items(outsider.user) == []
    assert sum(i.count for i in action_items(outsider.user)) == 0
