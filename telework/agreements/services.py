import math
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Entity, Staff
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.roles import staff_of
from hrportal.scoping import entity_subtree_ids_sql
from telework.agreements.models import WEEKDAY_FIELDS, Weekday
from telework.agreements.permissions import (
    can_decide_agreement,
    can_end_agreement,
    can_record_explanation,
    governing_entity_of,
    is_owner,
)
from telework.models import TeleworkAgreement, TeleworkExplanation

SHARE_KEY = "telework.max_share_per_day_percent"
NORM_KEY = "telework.office_norm_percent"
Status = TeleworkAgreement.Status


def _today() -> date:
    return timezone.localdate()


# --- rules --------------------------------------------------------------------------------------------


def explanation_deviates(*, entity: Entity, start: date, end: date | None) -> TeleworkExplanation | None:
    """The deviation in force on `start` or taking effect before `end`, if any (comply or explain)."""
    records = TeleworkExplanation.objects.filter(entity=entity).order_by("-effective_from", "-id")
    in_force = records.filter(effective_from__lte=start).first()
    if in_force is not None and not in_force.applies_telework:
        return in_force
    later = records.filter(effective_from__gt=start, applies_telework=False)
    if end is not None:
        later = later.filter(effective_from__lte=end)
    return later.last()


def _check_eligibility(*, staff: Staff, entity: Entity, start: date, end: date | None) -> None:
    if staff.function_id is not None and not staff.function.teleworkable:
        raise ValidationError(
            _("Telework is not possible in the function “%(function)s”: it is not teleworkable.")
            % {"function": staff.function.name}
        )
    deviation = explanation_deviates(entity=entity, start=start, end=end)
    if deviation is not None:
        raise ValidationError(
            _(
                "%(entity)s does not apply time- and place-independent work from %(date)s "
                "(comply or explain): %(explanation)s"
            )
            % {
                "entity": entity.name,
                "date": deviation.effective_from.strftime("%d/%m/%Y"),
                "explanation": deviation.explanation,
            }
        )


def telework_eligibility_message(*, staff: Staff, on: date) -> str | None:
    """Why `staff` cannot ask for telework from `on` (non-teleworkable function, deviating entity), or None."""
    try:
        _check_eligibility(staff=staff, entity=governing_entity_of(staff), start=on, end=None)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def _check_shape(*, days_per_week: int, pattern: str, weekdays: list[int], preferred_day: int) -> None:
    errors = {}
    if not 1 <= days_per_week <= 5:
        errors["days_per_week"] = _("Choose between 1 and 5 days a week.")
    if preferred_day not in Weekday.values:
        errors["preferred_day"] = _("Choose a weekday.")
    if pattern == TeleworkAgreement.Pattern.FIXED:
        if len(set(weekdays)) != days_per_week:
            errors["weekdays"] = _("Choose exactly as many fixed weekdays as days per week.")
        elif preferred_day not in weekdays:
            errors["preferred_day"] = _("The preferred day must be one of the fixed weekdays.")
    elif pattern == TeleworkAgreement.Pattern.FLEXIBLE:
        if weekdays:
            errors["weekdays"] = _("A flexible agreement has no fixed weekdays; choose only a preferred day.")
    else:
        errors["pattern"] = _("Choose fixed weekdays or flexible.")
    if errors:
        raise ValidationError(errors)


def _overlapping_approved(*, staff_id: int, start: date, end: date | None):
    qs = TeleworkAgreement.objects.filter(staff_id=staff_id, status=Status.APPROVED).filter(
        Q(end__isnull=True) | Q(end__gte=start)
    )
    if end is not None:
        qs = qs.filter(start__lte=end)
    return qs


def _max_concurrent(rows, *, weekday: int, start: date, end: date | None) -> int:
    """Largest number of `rows` (start, end, weekdays) running together on `weekday` within [start, end]."""
    events = []
    for row_start, row_end, days in rows:
        if weekday not in days:
            continue
        s = max(row_start, start)
        e = row_end if end is None else (end if row_end is None else min(row_end, end))
        if e is not None and s > e:
            continue
        events.append((s, 1))
        if e is not None:
            events.append((e + timedelta(days=1), -1))
    events.sort()  # on one date, -1 (someone's period ended the day before) sorts before +1
    current = best = 0
    for _when, delta in events:
        current += delta
        best = max(best, current)
    return best


def _days_of(pattern, preferred_day, flags) -> list[int]:
    if pattern == TeleworkAgreement.Pattern.FLEXIBLE:
        return [preferred_day]
    return [i for i, flag in enumerate(flags) if flag]


def daily_cap_figures(*, entity: Entity, agreement: TeleworkAgreement, on: date) -> dict:
    """Headcount, the cap and the largest number of other teleworkers per weekday of the agreement's period.

    Headcount: active staff of the entity and every division below it. Cap: floor(share% x headcount).
    A fixed agreement counts on each fixed weekday; a flexible one on its preferred day.
    """
    subtree = entity_subtree_ids_sql(entity.pk)
    headcount = Staff.objects.filter(is_active=True, entity_id__in=subtree).count()
    share = entity.telework_max_share_percent
    if share is None:
        share = parameter(SHARE_KEY, on=on)
    cap = math.floor(share * headcount / 100)
    others = TeleworkAgreement.objects.filter(
        status=Status.APPROVED, staff__entity_id__in=subtree, staff__is_active=True
    ).exclude(staff_id=agreement.staff_id)
    others = others.filter(Q(end__isnull=True) | Q(end__gte=agreement.start))
    if agreement.end is not None:
        others = others.filter(start__lte=agreement.end)
    rows = [
        (row[0], row[1], _days_of(row[2], row[3], row[4:]))
        for row in others.values_list("start", "end", "pattern", "preferred_day", *WEEKDAY_FIELDS)
    ]
    counts = {
        day: _max_concurrent(rows, weekday=day, start=agreement.start, end=agreement.end) for day in agreement.weekdays
    }
    return {"headcount": headcount, "share_percent": share, "cap": cap, "others_per_weekday": counts}


def telework_cap_preview(*, agreement: TeleworkAgreement) -> dict:
    """For the decider: per weekday of the request, how many already telework against the maximum."""
    entity = governing_entity_of(agreement.staff)
    figures = daily_cap_figures(entity=entity, agreement=agreement, on=_today())
    days = [
        {"day": Weekday(day).label, "others": others, "fits": others + 1 <= figures["cap"]}
        for day, others in sorted(figures["others_per_weekday"].items())
    ]
    return {**figures, "entity": entity, "days": days}


def _check_daily_cap(*, entity: Entity, agreement: TeleworkAgreement, figures: dict) -> None:
    for day, others in figures["others_per_weekday"].items():
        if others + 1 > figures["cap"]:
            raise ValidationError(
                _(
                    "The maximum share of teleworkers of %(entity)s would be exceeded on %(day)s: "
                    "%(count)s of %(headcount)s staff already telework that day and the maximum is %(cap)s "
                    "(%(share)s%%)."
                )
                % {
                    "entity": entity.name,
                    "day": Weekday(day).label,
                    "count": others,
                    "headcount": figures["headcount"],
                    "cap": figures["cap"],
                    "share": figures["share_percent"],
                }
            )


def _snapshot_of(agreement: TeleworkAgreement) -> dict:
    return {
        "status": agreement.status,
        "days_per_week": agreement.days_per_week,
        "pattern": agreement.pattern,
        "weekdays": agreement.weekdays,
        "preferred_day": agreement.preferred_day,
        "start": agreement.start,
        "end": agreement.end,
    }


def _lock(agreement_id: int) -> TeleworkAgreement:
    try:
        return (
            TeleworkAgreement.objects.select_for_update(of=("self",))
            .select_related("staff__function")
            .get(pk=agreement_id)
        )
    except TeleworkAgreement.DoesNotExist:
        raise ValidationError(_("This agreement does not exist.")) from None


# --- transitions --------------------------------------------------------------------------------------


@transaction.atomic
def telework_agreement_request(
    *,
    actor,
    days_per_week: int,
    pattern: str,
    weekdays: list[int],
    preferred_day: int,
    start: date,
    end: date | None = None,
    motivation: str = "",
    supersedes_id: int | None = None,
) -> TeleworkAgreement:
    """A staff member asks for a telework agreement, or for a change of their approved one."""
    staff = staff_of(actor)
    if staff is None:
        raise PermissionDenied
    staff = Staff.objects.select_for_update(of=("self",)).select_related("function", "entity").get(pk=staff.pk)
    _check_shape(days_per_week=days_per_week, pattern=pattern, weekdays=weekdays, preferred_day=preferred_day)
    errors = {}
    if start < _today():
        errors["start"] = _("The start cannot lie in the past.")
    if end is not None and end < start:
        errors["end"] = _("The end cannot lie before the start.")
    if errors:
        raise ValidationError(errors)
    if staff.line_manager_id is None:
        raise ValidationError(_("You have no line manager to decide on a request."))
    entity = governing_entity_of(staff)
    _check_eligibility(staff=staff, entity=entity, start=start, end=end)
    if TeleworkAgreement.objects.filter(staff=staff, status=Status.REQUESTED).exists():
        raise ValidationError(_("You already have a pending request; withdraw it first or wait for the decision."))
    supersedes = None
    if supersedes_id is not None:
        supersedes = TeleworkAgreement.objects.filter(pk=supersedes_id, staff=staff, status=Status.APPROVED).first()
        if supersedes is None:
            raise ValidationError({"supersedes": _("Only your own approved agreement can be changed.")})
        if supersedes.end is not None and supersedes.end < _today():
            raise ValidationError({"supersedes": _("This agreement has already ended.")})
    overlap = _overlapping_approved(staff_id=staff.pk, start=start, end=end)
    if supersedes is not None:
        overlap = overlap.exclude(pk=supersedes.pk)
    if overlap.exists():
        raise ValidationError(
            {"start": _("You already have an approved agreement in this period; ask for a change of it instead.")}
        )
    flags = {
        name: pattern == TeleworkAgreement.Pattern.FIXED and i in weekdays for i, name in enumerate(WEEKDAY_FIELDS)
    }
    try:
        with transaction.atomic():
            agreement = TeleworkAgreement.objects.create(
                staff=staff,
                days_per_week=days_per_week,
                pattern=pattern,
                preferred_day=preferred_day,
                start=start,
                end=end,
                motivation=motivation,
                supersedes=supersedes,
                requested_by=actor,
                **flags,
            )
    except IntegrityError:  # a second request submitted at the same moment
        raise ValidationError(_("You already have a pending request.")) from None
    audit_record(
        actor=actor,
        action="telework.agreement.requested",
        target=agreement,
        staff=staff,
        after=_snapshot_of(agreement),
        note=motivation,
    )
    job_enqueue("telework.agreements.tasks.telework_notify_request", agreement.pk)
    return agreement


@transaction.atomic
def telework_agreement_approve(*, agreement_id: int, actor, reason: str = "") -> TeleworkAgreement:
    agreement = _lock(agreement_id)
    if not can_decide_agreement(user=actor, agreement=agreement):
        raise PermissionDenied
    if agreement.status != Status.REQUESTED:
        raise ValidationError(_("Only a pending request can be approved."))
    today = _today()
    # Serialise every approval in the entity: two managers approving at once cannot both pass the cap.
    entity = Entity.objects.select_for_update().get(pk=governing_entity_of(agreement.staff).pk)
    _check_eligibility(staff=agreement.staff, entity=entity, start=agreement.start, end=agreement.end)
    overlap = _overlapping_approved(staff_id=agreement.staff_id, start=agreement.start, end=agreement.end)
    if agreement.supersedes_id:
        overlap = overlap.exclude(pk=agreement.supersedes_id)
    if overlap.exists():
        raise ValidationError(_("This staff member already has an approved agreement in this period."))
    figures = daily_cap_figures(entity=entity, agreement=agreement, on=today)
    _check_daily_cap(entity=entity, agreement=agreement, figures=figures)
    used = snapshot([SHARE_KEY, NORM_KEY], on=today)
    used["entity_max_share_percent"] = entity.telework_max_share_percent
    used["applied"] = {
        "entity": entity.pk,
        "headcount": figures["headcount"],
        "share_percent": figures["share_percent"],
        "cap": figures["cap"],
        "teleworkers_with_this_agreement": {str(d): n + 1 for d, n in figures["others_per_weekday"].items()},
    }
    before = _snapshot_of(agreement)
    if agreement.supersedes_id:  # first, so the two approved periods never overlap (PG exclusion constraint)
        _supersede(old_id=agreement.supersedes_id, new=agreement, actor=actor)
    agreement.status = Status.APPROVED
    agreement.decided_by, agreement.decided_at = actor, timezone.now()
    agreement.decision_reason = reason
    agreement.parameters = used
    agreement.save(update_fields=["status", "decided_by", "decided_at", "decision_reason", "parameters"])
    audit_record(
        actor=actor,
        action="telework.agreement.approved",
        target=agreement,
        staff=agreement.staff,
        before=before,
        after=_snapshot_of(agreement),
        parameters=used,
        note=reason,
    )
    job_enqueue("telework.agreements.tasks.telework_notify_decision", agreement.pk)
    return agreement


def _supersede(*, old_id: int, new: TeleworkAgreement, actor) -> None:
    old = TeleworkAgreement.objects.select_for_update().get(pk=old_id)
    if old.status != Status.APPROVED:
        return
    before = _snapshot_of(old)
    if old.start >= new.start:
        old.status = Status.CANCELLED
    elif old.end is None or old.end >= new.start:
        old.end = new.start - timedelta(days=1)
    old.ended_by, old.ended_at = actor, timezone.now()
    old.end_reason = _("Changed by agreement #%(id)s.") % {"id": new.pk}
    old.save(update_fields=["status", "end", "ended_by", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="telework.agreement.superseded",
        target=old,
        staff=old.staff,
        before=before,
        after=_snapshot_of(old),
        note=old.end_reason,
    )


@transaction.atomic
def telework_agreement_refuse(*, agreement_id: int, actor, reason: str) -> TeleworkAgreement:
    agreement = _lock(agreement_id)
    if not can_decide_agreement(user=actor, agreement=agreement):
        raise PermissionDenied
    if agreement.status != Status.REQUESTED:
        raise ValidationError(_("Only a pending request can be refused."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the refusal.")})
    before = _snapshot_of(agreement)
    agreement.status = Status.REFUSED
    agreement.decided_by, agreement.decided_at = actor, timezone.now()
    agreement.decision_reason = reason.strip()
    agreement.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit_record(
        actor=actor,
        action="telework.agreement.refused",
        target=agreement,
        staff=agreement.staff,
        before=before,
        after=_snapshot_of(agreement),
        note=agreement.decision_reason,
    )
    job_enqueue("telework.agreements.tasks.telework_notify_decision", agreement.pk)
    return agreement


@transaction.atomic
def telework_agreement_withdraw(*, agreement_id: int, actor) -> TeleworkAgreement:
    agreement = _lock(agreement_id)
    if not is_owner(user=actor, agreement=agreement):
        raise PermissionDenied
    if agreement.status != Status.REQUESTED:
        raise ValidationError(_("Only a pending request can be withdrawn."))
    agreement.status = Status.WITHDRAWN
    agreement.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="telework.agreement.withdrawn",
        target=agreement,
        staff=agreement.staff,
        before={"status": Status.REQUESTED},
        after={"status": agreement.status},
    )
    return agreement


@transaction.atomic
def telework_agreement_end(*, agreement_id: int, actor, end: date, reason: str) -> TeleworkAgreement:
    """End an approved agreement early (by the staff member or their manager); the history stays."""
    agreement = _lock(agreement_id)
    if not can_end_agreement(user=actor, agreement=agreement):
        raise PermissionDenied
    if agreement.status != Status.APPROVED:
        raise ValidationError(_("Only an approved agreement can be ended."))
    errors = {}
    if end < _today():
        errors["end"] = _("An agreement cannot be ended in the past.")
    elif agreement.end is not None and end >= agreement.end:
        errors["end"] = _("The new end must lie before the current end (%(end)s).") % {
            "end": agreement.end.strftime("%d/%m/%Y")
        }
    if not reason.strip():
        errors["reason"] = _("Give the reason for ending the agreement.")
    if errors:
        raise ValidationError(errors)
    before = _snapshot_of(agreement)
    if end < agreement.start:
        agreement.status = Status.CANCELLED
    else:
        agreement.end = end
    agreement.ended_by, agreement.ended_at, agreement.end_reason = actor, timezone.now(), reason.strip()
    agreement.save(update_fields=["status", "end", "ended_by", "ended_at", "end_reason"])
    audit_record(
        actor=actor,
        action="telework.agreement.ended",
        target=agreement,
        staff=agreement.staff,
        before=before,
        after=_snapshot_of(agreement),
        note=agreement.end_reason,
    )
    return agreement


@transaction.atomic
def telework_explanation_record(
    *, entity_id: int, actor, applies_telework: bool, explanation: str, effective_from: date
) -> TeleworkExplanation:
    """Comply or explain: HR records whether an entity applies telework from a date on, and why not."""
    entity = Entity.objects.select_for_update().filter(pk=entity_id).first()
    if entity is None or not can_record_explanation(user=actor, entity=entity):
        raise PermissionDenied
    if entity.kind != Entity.Kind.ENTITY:
        raise ValidationError(_("Comply or explain is recorded for an entity, not for a division or policy domain."))
    explanation = explanation.strip()
    if not applies_telework and not explanation:
        raise ValidationError({"explanation": _("An entity that does not apply telework must explain why.")})
    if TeleworkExplanation.objects.filter(entity=entity, effective_from=effective_from).exists():
        raise ValidationError({"effective_from": _("A record for this entity already takes effect on this date.")})
    previous = (
        TeleworkExplanation.objects.filter(entity=entity, effective_from__lte=effective_from)
        .order_by("-effective_from")
        .first()
    )
    record = TeleworkExplanation.objects.create(
        entity=entity,
        applies_telework=applies_telework,
        explanation=explanation,
        effective_from=effective_from,
        recorded_by=actor,
    )
    audit_record(
        actor=actor,
        action="telework.explanation.recorded",
        target=record,
        entity=entity,
        before=None
        if previous is None
        else {"applies_telework": previous.applies_telework, "explanation": previous.explanation},
        after={"applies_telework": applies_telework, "explanation": explanation, "effective_from": effective_from},
    )
    return record
