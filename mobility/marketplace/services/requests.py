from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Entity
from hrportal.roles import staff_of
from mobility.marketplace.services.common import (
    _actor_staff,
    _check_competencies,
    _check_period,
    _check_share,
    _request_state,
    _status_step,
)
from mobility.models import (
    TalentRequest,
    TalentRequestCompetency,
)


def _request_fields(*, title, description, entity, time_share_percent, start, end, closing_date, today, new):
    _check_share(time_share_percent)
    _check_period(start, end, today=today, new=new)
    if closing_date > end:
        raise ValidationError({"closing_date": _("The closing date cannot be after the end of the period.")})
    if new and closing_date < today:
        raise ValidationError({"closing_date": _("The closing date has already passed.")})
    if not isinstance(entity, Entity):
        entity = Entity.objects.filter(pk=entity).first()
        if entity is None:
            raise ValidationError({"entity": _("Unknown entity.")})
    return {
        "title": title.strip(),
        "description": description,
        "entity": entity,
        "time_share_percent": time_share_percent,
        "start": start,
        "end": end,
        "closing_date": closing_date,
    }


def _request_competency_rows(request, competencies):
    return [
        TalentRequestCompetency(request=request, competency_id=row[0], level=row[1], required=row[2])
        for row in competencies
    ]


@transaction.atomic
def request_create(
    *,
    actor,
    title: str,
    description: str,
    entity,
    time_share_percent: int,
    start: date,
    end: date,
    closing_date: date,
    competencies: list,
) -> TalentRequest:
    owner = _actor_staff(actor)
    fields = _request_fields(
        title=title,
        description=description,
        entity=entity,
        time_share_percent=time_share_percent,
        start=start,
        end=end,
        closing_date=closing_date,
        today=timezone.localdate(),
        new=True,
    )
    _check_competencies(competencies, need_required=True)
    request = TalentRequest.objects.create(owner=owner, **fields)
    TalentRequestCompetency.objects.bulk_create(_request_competency_rows(request, competencies))
    audit_record(
        actor=actor,
        action="mobility.request.published",
        target=request,
        staff=owner,
        entity=request.entity,
        after=_request_state(request),
    )
    job_enqueue("mobility.marketplace.tasks.match_refresh_request", request.pk)
    return request


def request_lock(*, request_id: int) -> TalentRequest:
    return TalentRequest.objects.select_for_update().get(pk=request_id)


@transaction.atomic
def request_update(*, actor, request_id: int, competencies: list, **changes) -> TalentRequest:
    request = request_lock(request_id=request_id)
    if staff_of(actor) is None or staff_of(actor).pk != request.owner_id:
        raise PermissionDenied
    if request.status in (TalentRequest.Status.CLOSED, TalentRequest.Status.EXPIRED):
        raise ValidationError(_("A closed or expired request cannot be changed."))
    before = _request_state(request)
    fields = _request_fields(today=timezone.localdate(), new=False, **changes)
    _check_competencies(competencies, need_required=True)
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()
    request.competencies.all().delete()
    TalentRequestCompetency.objects.bulk_create(_request_competency_rows(request, competencies))
    audit_record(
        actor=actor,
        action="mobility.request.changed",
        target=request,
        entity=request.entity,
        before=before,
        after=_request_state(request),
    )
    job_enqueue("mobility.marketplace.tasks.match_refresh_request", request.pk)
    return request


REQUEST_TRANSITIONS = {
    "pause": ({TalentRequest.Status.OPEN}, TalentRequest.Status.PAUSED),
    "resume": ({TalentRequest.Status.PAUSED}, TalentRequest.Status.OPEN),
    "close": ({TalentRequest.Status.OPEN, TalentRequest.Status.PAUSED}, TalentRequest.Status.CLOSED),
}


@transaction.atomic
def request_transition(*, actor, request_id: int, action: str) -> TalentRequest:
    request = request_lock(request_id=request_id)
    if staff_of(actor) is None or staff_of(actor).pk != request.owner_id:
        raise PermissionDenied
    _status_step(
        request,
        actor=actor,
        action=action,
        transitions=REQUEST_TRANSITIONS,
        kind="request",
        refused=_("This request cannot take that step from its current status."),
        closed_reason=_("The request was closed."),
        entity=request.entity,
    )
    job_enqueue("mobility.marketplace.tasks.match_refresh_request", request.pk)
    return request
