from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from hrportal.audit.models import AuditEvent
from hrportal.audit.registry import event_label
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
    assert event.after == {"value": 50, "valid_from": "2021-01-01", "retroactive": True}


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


# Issue 14 §3: ranges, retroactive values, one value per date, corrections, decisions to review


def test_every_parameter_has_a_range_holding_its_default():
    for spec in CATALOGUE.values():
        assert spec.minimum <= spec.default <= spec.maximum, spec.key


@pytest.mark.parametrize(
    ("key", "refused", "accepted"),
    [
        ("mobility.marketplace.idle_days_before_expiry", 10**12, 730),
        ("mobility.marketplace.idle_days_before_expiry", 6, 7),
        ("telework.max_share_per_day_percent", 500, 100),
        ("telework.max_share_per_day_percent", 101, 0),
        ("mobility.international.exchange_max_months", 0, 1),
        ("mobility.international.exchange_max_months", 25, 24),
    ],
)
def test_parameter_values_are_kept_within_their_range_at_the_limits(central_hr, key, refused, accepted):
    future = date.today().replace(year=date.today().year + 1)
    with pytest.raises(ValidationError) as caught:
        parameter_set(key=key, value=refused, valid_from=future, actor=central_hr)
    assert "value" in caught.value.message_dict
    assert parameter_set(key=key, value=accepted, valid_from=future, actor=central_hr).value == accepted


def test_a_value_starting_in_the_past_needs_its_legal_basis(central_hr):
    yesterday = date(2026, 6, 1)
    with pytest.raises(ValidationError) as caught:
        parameter_set(
            key="telework.office_norm_percent", value=70, valid_from=yesterday, actor=central_hr, today=date(2026, 6, 2)
        )
    assert "legal_basis" in caught.value.message_dict
    row = parameter_set(
        key="telework.office_norm_percent",
        value=70,
        valid_from=yesterday,
        actor=central_hr,
        legal_basis="BVR 12 mei 2026",
        today=date(2026, 6, 2),
    )
    assert row.legal_basis == "BVR 12 mei 2026"
    today = parameter_set(
        key="telework.office_norm_percent",
        value=60,
        valid_from=date(2026, 6, 2),
        actor=central_hr,
        today=date(2026, 6, 2),
    )
    assert today.legal_basis == ""  # from today on, no legal basis is required


def test_a_second_value_for_the_same_key_and_date_is_refused_and_the_first_kept(central_hr):
    future = date.today().replace(year=date.today().year + 1)
    parameter_set(key="telework.office_norm_percent", value=70, valid_from=future, actor=central_hr)
    with pytest.raises(ValidationError) as caught:
        parameter_set(key="telework.office_norm_percent", value=60, valid_from=future, actor=central_hr)
    assert "valid_from" in caught.value.message_dict
    assert parameter("telework.office_norm_percent", on=future) == 70


def test_a_correction_is_explicit_with_a_reason_and_audited(central_hr):
    future = date.today().replace(year=date.today().year + 1)
    parameter_set(key="telework.office_norm_percent", value=70, valid_from=future, actor=central_hr)
    parameter_set(
        key="telework.office_norm_percent",
        value=65,
        valid_from=future,
        actor=central_hr,
        correction_reason="Tikfout: de omzendbrief zegt 65",
    )
    assert parameter("telework.office_norm_percent", on=future) == 65
    event = AuditEvent.objects.get(action="parameter.corrected")
    assert event.before["value"] == 70 and event.after["value"] == 65
    assert event.note == "Tikfout: de omzendbrief zegt 65"


def test_decisions_taken_since_a_retroactive_date_with_another_value_are_listed_for_review(central_hr, staff_member):
    from django.utils import timezone

    from hrportal.audit.services import audit_record
    from hrportal.parameters.selectors import parameter_decisions_to_review, snapshot

    key = "telework.max_share_per_day_percent"
    today = timezone.localdate()
    start = today.replace(day=1) if today.day > 2 else today - timedelta(days=5)
    # given: decisions taken since `start` under the old value (50), one before `start`
    decided = audit_record(
        actor=central_hr,
        action="telework.agreement.approved",
        target=staff_member,
        parameters=snapshot([key], on=today),
    )
    old = audit_record(
        actor=central_hr,
        action="telework.agreement.approved",
        target=staff_member,
        parameters=snapshot([key], on=start - timedelta(days=40)),
    )
    AuditEvent.objects.filter(pk=old.pk).update(occurred_at=timezone.now() - timedelta(days=60))
    unrelated = audit_record(
        actor=central_hr,
        action="something.else",
        target=staff_member,
        parameters=snapshot(["telework.office_norm_percent"], on=today),
    )
    # when: a lower cap is recorded retroactively from `start`
    value = parameter_set(key=key, value=40, valid_from=start, actor=central_hr, legal_basis="BVR")
    # then: the decision taken in between with 50 is listed; it keeps its recorded value
    review = parameter_decisions_to_review(value=value)
    assert [(d.action, d.value_used) for d in review] == [("telework.agreement.approved", 50)]
    decided.refresh_from_db()
    assert decided.parameters["values"][key] == 50
    assert unrelated.pk and old.pk
    # and central HR sees them on the parameters page and in the API
    from django.test import Client
    from rest_framework.test import APIClient

    client = Client()
    client.force_login(central_hr)
    with translation.override("nl"):
        label = event_label("telework.agreement.approved")
    assert label in client.get("/parameters/").content.decode()
    api = APIClient()
    api.force_authenticate(central_hr)
    rows = api.get("/api/parameters/reviews/").json()
    assert rows[0]["key"] == key and rows[0]["decisions"][0]["value_used"] == 50
    api.force_authenticate(staff_member.user)
    assert api.get("/api/parameters/reviews/").status_code == 404


def test_a_value_from_today_on_lists_nothing_to_review(central_hr):
    from hrportal.parameters.selectors import parameter_decisions_to_review

    value = parameter_set(key="telework.office_norm_percent", value=70, valid_from=date.today(), actor=central_hr)
    assert parameter_decisions_to_review(value=value) == []


def test_the_api_refuses_a_second_value_and_accepts_a_correction(central_hr):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(central_hr)
    future = date.today().replace(year=date.today().year + 1).isoformat()
    body = {"key": "telework.office_norm_percent", "value": 70, "valid_from": future}
    assert api.post("/api/parameters/", body, format="json").status_code == 201
    again = api.post("/api/parameters/", {**body, "value": 60}, format="json")
    assert again.status_code == 400 and "valid_from" in again.json()
    corrected = api.post("/api/parameters/", {**body, "value": 60, "correction_reason": "tikfout"}, format="json")
    assert corrected.status_code == 201
    assert api.post("/api/parameters/", {**body, "value": 10**12}, format="json").status_code == 400
