"""Checks and steps shared by the offers, requests, applications and expiry of the marketplace."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.models import Competency, Staff
from hrportal.roles import staff_of
from mobility.models import (
    TalentApplication,
    TalentOffer,
    TalentRequest,
)


def _actor_staff(actor) -> Staff:
    me = staff_of(actor)
    if me is None:
        raise PermissionDenied
    return me


def _check_period(start: date, end: date, *, today: date, new: bool) -> None:
    if end < start:
        raise ValidationError({"end": _("The end date cannot be before the start date.")})
    if new and end < today:
        raise ValidationError({"end": _("The period has already ended.")})


def _check_competencies(competencies: list, *, need_required: bool) -> None:
    ids = [row[0] for row in competencies]
    if len(ids) != len(set(ids)):
        raise ValidationError({"competencies": _("Each competency can be listed only once.")})
    if any(not 1 <= row[1] <= 4 for row in competencies):
        raise ValidationError({"competencies": _("Levels go from 1 to 4.")})
    if Competency.objects.filter(pk__in=ids).count() != len(ids):
        raise ValidationError({"competencies": _("Unknown competency.")})
    if need_required and not any(len(row) < 3 or row[2] for row in competencies):
        raise ValidationError({"competencies": _("List at least one required competency.")})
    if not competencies:
        raise ValidationError({"competencies": _("List at least one competency.")})


def _check_share(share: int) -> None:
    if not 1 <= share <= 100:
        raise ValidationError({"time_share_percent": _("The share of working time is between 1 and 100%.")})


def _offer_state(offer: TalentOffer) -> dict:
    return {
        "title": offer.title,
        "status": offer.status,
        "time_share_percent": offer.time_share_percent,
        "start": offer.start,
        "end": offer.end,
        "where": offer.where,
        "languages": offer.languages,
        "competencies": sorted(offer.competencies.values_list("competency_id", "level")),
    }


def _request_state(request: TalentRequest) -> dict:
    return {
        "title": request.title,
        "status": request.status,
        "entity": request.entity_id,
        "time_share_percent": request.time_share_percent,
        "start": request.start,
        "end": request.end,
        "closing_date": request.closing_date,
        "competencies": sorted(request.competencies.values_list("competency_id", "level", "required")),
    }


def _status_step(item, *, actor, action, transitions, kind, refused, closed_reason, check=None, **audit_scope):
    """Pause, resume or close an offer or request: the allowed step, audited; closing withdraws the live
    applications, which cannot outlive what they apply to."""
    allowed, target = transitions[action]
    if item.status not in allowed:
        raise ValidationError(refused)
    if check is not None:
        check()
    before = item.status
    item.status = target
    item.save(update_fields=["status", "changed_at"])
    audit_record(
        actor=actor,
        action=f"mobility.{kind}.{action}",
        target=item,
        before={"status": before},
        after={"status": target},
        **audit_scope,
    )
    if action == "close":
        _withdraw_live_applications(Q(**{f"{kind}_id": item.pk}), actor=actor, reason=closed_reason)


def peak_share(periods: list[tuple[date, date, int]], start: date, end: date) -> int:
    """The highest sum of time shares on any day of [start, end]; the peak falls on some start date."""
    days = {start} | {s for s, _e, _share in periods if start <= s <= end}
    return max((sum(share for s, e, share in periods if s <= day <= e) for day in days), default=0)


def _withdraw_live_applications(where: Q, *, actor, reason) -> int:
    """An application cannot outlive its offer or request: the live ones are withdrawn, audited one by one."""
    live = list(
        TalentApplication.objects.select_for_update(of=("self",))
        .filter(where, status__in=TalentApplication.LIVE)
        .select_related("offer__staff")
    )
    for application in live:
        audit_record(
            actor=actor,
            action="mobility.application.withdrawn",
            target=application,
            staff=application.offer.staff,
            before={"status": application.status},
            after={"status": TalentApplication.Status.WITHDRAWN},
            note=str(reason),
        )
    TalentApplication.objects.filter(pk__in=[a.pk for a in live]).update(
        status=TalentApplication.Status.WITHDRAWN, reason=str(reason)
    )
    return len(live)
