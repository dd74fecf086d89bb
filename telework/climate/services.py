from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import unique_or_invalid
from hrportal.roles import staff_of
from telework.climate.models import SCORE_FIELDS, Dimension
from telework.climate.permissions import can_manage_climate
from telework.models import ClimateParticipation, ClimateResponse, ClimateRound


@transaction.atomic
def climate_round_create(*, actor, year: int, opens_on: date, closes_on: date) -> ClimateRound:
    if not can_manage_climate(actor):
        raise PermissionDenied
    errors = {}
    if closes_on < opens_on:
        errors["closes_on"] = _("The survey cannot close before it opens.")
    if opens_on.year != year:
        errors["opens_on"] = _("The survey opens in its own year.")
    if ClimateRound.objects.filter(year=year).exists():
        errors["year"] = _("There is already a survey round for this year.")
    if errors:
        raise ValidationError(errors)
    # Two central HR officers creating the same year's round at once meet at the unique constraint.
    with unique_or_invalid(_("There is already a survey round for this year."), field="year"):
        survey = ClimateRound.objects.create(year=year, opens_on=opens_on, closes_on=closes_on, created_by=actor)
    audit_record(
        actor=actor,
        action="telework.climate_round.created",
        target=survey,
        after={"year": year, "opens_on": opens_on, "closes_on": closes_on},
    )
    return survey


def climate_round_is_open(survey: ClimateRound, *, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return survey.opens_on <= today <= survey.closes_on


@transaction.atomic
def climate_response_submit(*, actor, round_id: int, scores: dict, today: date | None = None) -> None:
    """Store one anonymous answer for the respondent's entity, and that the respondent answered.
    Not audited on purpose: an audit event (actor, time) would tie the person to the answer."""
    me = staff_of(actor)
    if me is None or not me.is_active:
        raise PermissionDenied
    survey = ClimateRound.objects.get(pk=round_id)
    if not climate_round_is_open(survey, today=today):
        raise ValidationError(_("This survey is not open."))
    errors = {}
    for dimension in Dimension:
        value = scores.get(dimension.value)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            errors[dimension.value] = _("Give a score from 1 to 5.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            ClimateParticipation.objects.create(round=survey, staff=me)
    except IntegrityError:
        raise ValidationError(_("You have already answered this survey.")) from None
    ClimateResponse.objects.create(
        round=survey,
        entity_id=me.entity_id,
        **{field: scores[dimension.value] for dimension, field in SCORE_FIELDS.items()},
    )
