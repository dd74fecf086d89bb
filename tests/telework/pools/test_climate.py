from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from hrportal.audit.models import AuditEvent
from telework.climate.selectors import climate_results
from telework.climate.services import climate_response_submit, climate_round_create
from telework.models import ClimateParticipation, ClimateResponse
from tests.factories import StaffFactory
from tests.telework.pools.factories import ClimateRoundFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 5, 1)
ALL_FOURS = {"autonomy": 4, "trust": 4, "collaboration": 4, "digital": 4, "learning": 4}


def _answers(survey, entity, count, **scores):
    values = {**{f"score_{k}": v for k, v in ALL_FOURS.items()}, **scores}
    ClimateResponse.objects.bulk_create([ClimateResponse(round=survey, entity=entity, **values) for _ in range(count)])


def test_staff_member_answers_once_anonymously(staff_member):
    survey = ClimateRoundFactory()
    climate_response_submit(actor=staff_member.user, round_id=survey.pk, scores=ALL_FOURS, today=TODAY)
    response = ClimateResponse.objects.get()
    assert response.entity == staff_member.entity
    assert not any(f.name in ("staff", "user", "created_at") for f in ClimateResponse._meta.fields)
    assert ClimateParticipation.objects.filter(round=survey, staff=staff_member).exists()
    assert not AuditEvent.objects.filter(staff=staff_member).exists()
    with pytest.raises(ValidationError):
        climate_response_submit(actor=staff_member.user, round_id=survey.pk, scores=ALL_FOURS, today=TODAY)
    assert ClimateResponse.objects.count() == 1


def test_database_refuses_a_second_participation(staff_member):
    survey = ClimateRoundFactory()
    ClimateParticipation.objects.create(round=survey, staff=staff_member)
    with pytest.raises(IntegrityError):
        ClimateParticipation.objects.create(round=survey, staff=staff_member)


@pytest.mark.parametrize(
    ("today", "accepted"), [(date(2026, 1, 1), True), (date(2026, 12, 31), True), (date(2027, 1, 1), False)]
)
def test_survey_accepts_answers_only_while_open(staff_member, today, accepted):
    survey = ClimateRoundFactory()
    if accepted:
        climate_response_submit(actor=staff_member.user, round_id=survey.pk, scores=ALL_FOURS, today=today)
    else:
        with pytest.raises(ValidationError):
            climate_response_submit(actor=staff_member.user, round_id=survey.pk, scores=ALL_FOURS, today=today)
    assert ClimateResponse.objects.exists() == accepted


@pytest.mark.parametrize("bad", [0, 6, None, "3"])
def test_scores_outside_1_to_5_are_refused_and_nothing_is_written(staff_member, bad):
    survey = ClimateRoundFactory()
    with pytest.raises(ValidationError) as error:
        climate_response_submit(
            actor=staff_member.user, round_id=survey.pk, scores={**ALL_FOURS, "trust": bad}, today=TODAY
        )
    assert "trust" in error.value.message_dict
    assert not ClimateParticipation.objects.exists() and not ClimateResponse.objects.exists()


def test_user_without_staff_record_cannot_answer(central_hr):
    with pytest.raises(PermissionDenied):
        climate_response_submit(actor=central_hr, round_id=ClimateRoundFactory().pk, scores=ALL_FOURS, today=TODAY)


def test_entity_is_shown_from_five_responses_and_suppressed_at_four(central_hr, entity, other_entity):
    survey = ClimateRoundFactory()
    _answers(survey, entity, 5, score_trust=2)
    _answers(survey, other_entity, 4)
    results = climate_results(round=survey, viewer=central_hr)
    assert [row["entity"] for row in results["entities"]] == [entity.name]
    assert results["suppressed"] == [{"entity_id": other_entity.pk, "entity": other_entity.name, "responses": 4}]
    row = results["entities"][0]
    assert row["scores"]["trust"] == 2.0 and row["scores"]["autonomy"] == 4.0
    assert row["overall"] == 3.6  # (4 + 2 + 4 + 4 + 4) / 5
    # The total covers shown entities only, so the suppressed one cannot be recomputed from it.
    assert results["total"]["responses"] == 5


def test_maturity_is_averaged_per_dimension_and_overall(central_hr, entity):
    survey = ClimateRoundFactory()
    _answers(survey, entity, 3, score_autonomy=5, score_learning=1)
    _answers(survey, entity, 3, score_autonomy=2, score_learning=3)
    row = climate_results(round=survey, viewer=central_hr)["entities"][0]
    assert row["scores"]["autonomy"] == 3.5 and row["scores"]["learning"] == 2.0
    assert row["overall"] == round((3.5 + 4 + 4 + 4 + 2) / 5, 2)


def test_results_follow_the_viewers_scope(staff_member, hr_officer, outsider, entity, other_entity):
    survey = ClimateRoundFactory()
    _answers(survey, entity, 6)
    _answers(survey, other_entity, 6)
    assert [r["entity_id"] for r in climate_results(round=survey, viewer=staff_member.user)["entities"]] == [entity.pk]
    assert [r["entity_id"] for r in climate_results(round=survey, viewer=hr_officer)["entities"]] == [entity.pk]
    assert [r["entity_id"] for r in climate_results(round=survey, viewer=outsider.user)["entities"]] == [
        other_entity.pk
    ]


def test_min_cell_size_parameter_is_honoured(central_hr, entity):
    from hrportal.parameters.services import parameter_set

    survey = ClimateRoundFactory()
    _answers(survey, entity, 5)
    parameter_set(
        key="monitoring.min_cell_size", value=6, valid_from=date(2026, 1, 1), actor=central_hr, legal_basis="BVR"
    )
    assert climate_results(round=survey, viewer=central_hr)["entities"] == []


def test_central_hr_opens_one_round_per_year(central_hr, hr_officer):
    climate_round_create(actor=central_hr, year=2026, opens_on=date(2026, 3, 1), closes_on=date(2026, 3, 31))
    with pytest.raises(ValidationError) as error:
        climate_round_create(actor=central_hr, year=2026, opens_on=date(2026, 4, 1), closes_on=date(2026, 4, 2))
    assert "year" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        climate_round_create(actor=central_hr, year=2027, opens_on=date(2027, 4, 2), closes_on=date(2027, 4, 1))
    assert "closes_on" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        climate_round_create(actor=hr_officer, year=2028, opens_on=date(2028, 1, 1), closes_on=date(2028, 2, 1))
    assert AuditEvent.objects.filter(action="telework.climate_round.created").count() == 1


def test_answer_goes_to_the_respondents_own_entity(other_entity):
    someone = StaffFactory(entity=other_entity, with_user=True)
    survey = ClimateRoundFactory()
    climate_response_submit(actor=someone.user, round_id=survey.pk, scores=ALL_FOURS, today=TODAY)
    assert ClimateResponse.objects.get().entity == other_entity
