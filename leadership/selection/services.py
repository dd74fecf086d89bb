from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Entity, Staff
from hrportal.parameters.selectors import snapshot
from hrportal.scoping import can_work_hr_case, hr_entities_of
from leadership.development.services import onboarding_start
from leadership.selection.models import Candidate, Probation, Selection
from leadership.selection.permissions import can_evaluate_probation, can_run_selections, selection_scope_q
from leadership.selection.selectors import (
    PROBATION_KEYS,
    Duration,
    experience_snapshot,
    experience_sufficient,
    probation_bounds,
    probation_due_q,
    probation_end,
    required_experience_days,
)
from reward.experience.selectors import experience_recognised


def _selection_lock(*, actor, selection_id: int) -> Selection:
    selection = (
        Selection.objects.select_for_update(of=("self",)).filter(selection_scope_q(actor), pk=selection_id).first()
    )
    if selection is None:
        raise PermissionDenied
    return selection


@transaction.atomic
def selection_create(*, actor, post: str, entity: Entity, opens_on: date, closes_on: date) -> Selection:
    if not can_run_selections(actor):
        raise PermissionDenied
    errors = {}
    if not post or not post.strip():
        errors["post"] = _("Name the post.")
    if entity is None or not hr_entities_of(actor).filter(pk=entity.pk).exists():
        errors["entity"] = _("You cannot run a selection for this entity.")
    if opens_on and closes_on and closes_on < opens_on:
        errors["closes_on"] = _("The end cannot be before the start.")
    if errors:
        raise ValidationError(errors)
    selection = Selection.objects.create(
        post=post.strip(), entity=entity, opens_on=opens_on, closes_on=closes_on, created_by=actor
    )
    audit_record(
        actor=actor,
        action="leadership.selection.created",
        target=selection,
        entity=entity,
        after={"post": selection.post, "opens_on": opens_on, "closes_on": closes_on},
    )
    return selection


@transaction.atomic
def candidate_add(
    *,
    actor,
    selection_id: int,
    experience: Duration | None = None,
    staff: Staff | None = None,
    external_name: str = "",
    external_email: str = "",
) -> Candidate:
    """HR records a candidate with their relevant experience; admissibility follows from the experience rule
    in force on the selection's opening day, and is kept with the parameter's value.

    An external candidate's experience is entered by HR. For an internal candidate HR may leave it out: then
    the experience recognised by reward (`reward.experience.selectors.experience_recognised`) on the opening
    day counts."""
    selection = _selection_lock(actor=actor, selection_id=selection_id)
    if selection.status != Selection.Status.OPEN:
        raise ValidationError(_("This selection is closed."))
    errors = {}
    external_name, external_email = (external_name or "").strip(), (external_email or "").strip()
    if staff is None and not (external_name and external_email):
        errors["staff"] = _("Choose a member of staff, or give an external candidate's name and e-mail.")
    if staff is not None and (external_name or external_email):
        errors["external_name"] = _("An internal candidate needs no external name or e-mail.")
    if staff is not None and not staff.is_active:
        errors["staff"] = _("This person is no longer in service.")
    if experience is None and staff is None:
        errors["experience_years"] = _("Enter the external candidate's relevant experience.")
    elif experience is None:
        recognised = experience_recognised(staff=staff, on=selection.opens_on)
        experience = Duration(recognised.years, recognised.months, recognised.days)
    if errors:
        raise ValidationError(errors)
    if experience.years < 0 or experience.years > 60:
        errors["experience_years"] = _("Enter between 0 and 60 years.")
    if not 0 <= experience.months <= 11:
        errors["experience_months"] = _("Enter between 0 and 11 months.")
    if not 0 <= experience.days <= 365:
        errors["experience_days"] = _("Enter between 0 and 365 days.")
    if errors:
        raise ValidationError(errors)
    on = selection.opens_on
    admissible = experience_sufficient(experience, on=on)
    candidate = Candidate(
        selection=selection,
        staff=staff,
        external_name="" if staff else external_name,
        external_email="" if staff else external_email,
        experience_years=experience.years,
        experience_months=experience.months,
        experience_days=experience.days,
        status=Candidate.Status.ADMISSIBLE if admissible else Candidate.Status.NOT_ADMISSIBLE,
        recorded_by=actor,
    )
    with unique_or_invalid(_("This person is already a candidate in this selection."), field="staff"):
        candidate.save()
    audit_record(
        actor=actor,
        action="leadership.candidate.recorded",
        target=candidate,
        staff=staff,
        entity=selection.entity,
        after={
            "internal": staff is not None,
            "experience_days": experience.total_days,
            "required_days": required_experience_days(on=on),
            "status": candidate.status,
        },
        parameters=experience_snapshot(on=on),
    )
    return candidate


@transaction.atomic
def candidate_appoint(
    *, actor, candidate_id: int, starts_on: date, probation_months: int, staff: Staff | None = None
) -> Probation:
    """HR appoints an admissible candidate: the selection closes, the others are not appointed, and the new
    leader starts a probation of the allowed length (parameters in force on the start day) and an onboarding."""
    candidate = Candidate.objects.select_related("selection", "staff").filter(pk=candidate_id).first()
    if candidate is None:
        raise PermissionDenied
    selection = _selection_lock(actor=actor, selection_id=candidate.selection_id)
    candidate = Candidate.objects.select_for_update(of=("self",)).select_related("staff").get(pk=candidate_id)
    if selection.status != Selection.Status.OPEN:
        raise ValidationError(_("This selection is closed."))
    if candidate.status != Candidate.Status.ADMISSIBLE:
        raise ValidationError(_("Only an admissible candidate can be appointed."))
    errors = {}
    leader = candidate.staff
    if leader is None:
        if staff is None:
            errors["staff"] = _("Give the staff record of the external candidate once hired.")
        elif not can_work_hr_case(user=actor, staff=staff):
            errors["staff"] = _("You cannot appoint this member of staff.")
        leader = staff
    low, high = probation_bounds(on=starts_on) if starts_on else (None, None)
    if probation_months is None or (low is not None and not low <= probation_months <= high):
        errors["probation_months"] = _("A probation lasts from %(low)s to %(high)s months.") % {
            "low": low,
            "high": high,
        }
    if errors:
        raise ValidationError(errors)
    if Probation.objects.filter(staff=leader, outcome=Probation.Outcome.PENDING).exists():
        raise ValidationError({"staff": _("This leader is already serving a probation.")})
    probation = Probation.objects.create(
        staff=leader,
        candidate=candidate,
        post=selection.post,
        starts_on=starts_on,
        months=probation_months,
        ends_on=probation_end(starts_on, probation_months),
    )
    candidate.status = Candidate.Status.APPOINTED
    if candidate.staff_id is None:
        candidate.staff = leader
        candidate.external_name = ""
    candidate.save(update_fields=["status", "staff", "external_name"])
    others = selection.candidates.exclude(pk=candidate.pk).filter(status=Candidate.Status.ADMISSIBLE)
    others.update(status=Candidate.Status.NOT_APPOINTED)
    selection.status = Selection.Status.CLOSED
    selection.save(update_fields=["status"])
    before_tier = leader.management_tier
    if leader.management_tier == Staff.Tier.NONE:
        leader.management_tier = Staff.Tier.MIDDLE
        leader.save(update_fields=["management_tier"])
    audit_record(
        actor=actor,
        action="leadership.candidate.appointed",
        target=probation,
        staff=leader,
        entity=selection.entity,
        before={"management_tier": before_tier},
        after={
            "selection": selection.pk,
            "post": selection.post,
            "starts_on": starts_on,
            "months": probation_months,
            "ends_on": probation.ends_on,
            "management_tier": leader.management_tier,
        },
        parameters=snapshot(PROBATION_KEYS, on=starts_on),
    )
    onboarding_start(actor=actor, staff=leader, starts_on=starts_on)
    job_enqueue("leadership.selection.tasks.notify_appointed", probation.pk)
    return probation


@transaction.atomic
def probation_evaluate(*, actor, probation_id: int, outcome: str, evaluated_on: date, remarks: str = "") -> Probation:
    """The line manager or HR records the evaluation at the end of the probation (not before its last day)."""
    probation = (
        Probation.objects.select_for_update(of=("self",)).select_related("staff").filter(pk=probation_id).first()
    )
    if probation is None or not can_evaluate_probation(user=actor, probation=probation):
        raise PermissionDenied
    if probation.outcome != Probation.Outcome.PENDING:
        raise ValidationError(_("This probation has already been evaluated."))
    errors = {}
    if outcome not in (Probation.Outcome.POSITIVE, Probation.Outcome.NEGATIVE):
        errors["outcome"] = _("Choose positive or negative.")
    if evaluated_on is None or evaluated_on < probation.ends_on:
        errors["evaluated_on"] = _("The evaluation takes place at the end of the probation, on %(day)s or later.") % {
            "day": probation.ends_on.isoformat()
        }
    elif evaluated_on > timezone.localdate():
        errors["evaluated_on"] = _("The evaluation date cannot be in the future.")
    if outcome == Probation.Outcome.NEGATIVE and not (remarks or "").strip():
        errors["remarks"] = _("Explain a negative evaluation.")
    if errors:
        raise ValidationError(errors)
    probation.outcome, probation.evaluated_on = outcome, evaluated_on
    probation.evaluated_by, probation.remarks = actor, (remarks or "").strip()
    probation.save(update_fields=["outcome", "evaluated_on", "evaluated_by", "remarks"])
    audit_record(
        actor=actor,
        action="leadership.probation.evaluated",
        target=probation,
        staff=probation.staff,
        before={"outcome": Probation.Outcome.PENDING},
        after={"outcome": outcome, "evaluated_on": evaluated_on},
        parameters=snapshot(PROBATION_KEYS, on=probation.starts_on),
    )
    job_enqueue("leadership.selection.tasks.notify_probation_evaluated", probation.pk)
    return probation


@transaction.atomic
def probation_reminders_queue(*, today: date | None = None) -> int:
    """Daily: queue one reminder mail to the line manager and HR for each probation whose evaluation comes due
    (`probation_due_q`), once per probation: the mark and the queued job are written in one transaction."""
    today = today or timezone.localdate()
    due = list(
        Probation.objects.select_for_update(skip_locked=True)
        .filter(probation_due_q(today=today), reminder_queued_at__isnull=True)
        .values_list("pk", flat=True)
    )
    Probation.objects.filter(pk__in=due).update(reminder_queued_at=timezone.now())
    for probation_id in due:
        job_enqueue("leadership.selection.tasks.notify_probation_due", probation_id)
    return len(due)
