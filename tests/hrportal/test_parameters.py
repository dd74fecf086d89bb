from datetime import date

import pytest
from django.core.exceptions import ValidationError

from hrportal.audit.models import AuditEvent
from hrportal.parameters.catalogue import CATALOGUE
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.parameters.services import parameter_set
from tests.factories import PolicyParameterFactory

pytestmark = pytest.mark.django_db


def test_default_applies_when_nothing_recorded():
    assert parameter("reward.upgrade.min_days", on=date(2013, 6, 1)) == 30
    assert parameter("telework.office_norm_percent", on=date(2013, 6, 1)) == 80


def test_value_applies_from_its_date_on_and_not_the_day_before():
    PolicyParameterFactory(key="reward.upgrade.max_days", value=1825, valid_from=date(2019, 1, 1))
    assert parameter("reward.upgrade.max_days", on=date(2018, 12, 31)) == 365
    assert parameter("reward.upgrade.max_days", on=date(2019, 1, 1)) == 1825


def test_latest_value_in_force_wins():
    PolicyParameterFactory(key="telework.office_norm_percent", value=80, valid_from=date(2013, 1, 1))
    PolicyParameterFactory(key="telework.office_norm_percent", value=50, valid_from=date(2021, 1, 1))
    assert parameter("telework.office_norm_percent", on=date(2020, 12, 31)) == 80
    assert parameter("telework.office_norm_percent", on=date(2024, 5, 1)) == 50


def test_snapshot_records_the_values_in_force_on_the_decision_date():
    PolicyParameterFactory(key="reward.upgrade.max_days", value=1825, valid_from=date(2019, 1, 1))
    values = snapshot(["reward.upgrade.min_days", "reward.upgrade.max_days"], on=date(2020, 3, 1))
    assert values == {"on": "2020-03-01", "values": {"reward.upgrade.min_days": 30, "reward.upgrade.max_days": 1825}}


def test_unknown_parameter_is_a_programming_error():
    with pytest.raises(KeyError):
        parameter("no.such.rule", on=date.today())


def test_parameter_set_is_audited_with_before_and_after(central_hr):
    parameter_set(
        key="telework.office_norm_percent",
        value=50,
        valid_from=date(2021, 1, 1),
        actor=central_hr,
        legal_basis="Omzendbrief 2021",
    )
    event = AuditEvent.objects.get(action="parameter.set")
    assert event.actor == central_hr
    assert event.before == {"value": 80}
    assert event.after == {"value": 50, "valid_from": "2021-01-01"}


def test_parameter_set_refuses_a_negative_or_non_whole_value(central_hr):
    with pytest.raises(ValidationError):
        parameter_set(key="reward.upgrade.min_days", value=-1, valid_from=date(2021, 1, 1), actor=central_hr)
    with pytest.raises(ValidationError):
        parameter_set(key="reward.upgrade.min_days", value=1.5, valid_from=date(2021, 1, 1), actor=central_hr)


def test_every_number_of_the_spec_has_a_parameter_with_the_seed_default():
    expected = {
        "deployability.redeployment.max_refusals": 2,
        "deployability.evaluation.min_months_after_insufficient": 6,
        "deployability.evaluation.followup_window": 4,
        "reward.upgrade.min_days": 30,
        "reward.upgrade.max_days": 365,
        "telework.office_norm_percent": 80,
        "leadership.middle_management.min_experience_years": 6,
        "leadership.probation.min_months": 6,
        "leadership.probation.max_months": 12,
        "mobility.international.reimbursed_cost_share_percent": 50,
    }
    assert {key: CATALOGUE[key].default for key in expected} == expected
