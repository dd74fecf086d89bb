"""Insufficient-evaluation cases: decisions after an "insufficient", the follow-up window, mandatory dismissal.

Rules (SPEC 2; 001, I.5), with their parameters:
- after an "insufficient", dismissal only with a recorded finding of special circumstances (statutory and
  contractual staff alike);
- otherwise guidance (a guidance trajectory of deployability.redeployment) and the next evaluation no sooner
  than `deployability.evaluation.min_months_after_insufficient` months later (the core's rule,
  hrportal.services.evaluations, which every road that creates an evaluation asks);
- a second "insufficient" among the next `deployability.evaluation.followup_window` evaluations (counted as
  evaluations, not years) makes dismissal mandatory: the case says so, HR is told, and it cannot be closed
  without the dismissal decision.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from deployability.evaluations.models import EvaluationCase
from deployability.evaluations.permissions import can_work_case
from deployability.leave.services import leave_staff_left_service
from deployability.models import GuidanceTrajectory
from deployability.redeployment.services import staff_left_service, trajectory_open
from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Evaluation, Staff
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.services.evaluations import MIN_MONTHS_KEY, evaluation_check_interval

WINDOW_KEY = "deployability.evaluation.followup_window"
Status = EvaluationCase.Status
Outcome = EvaluationCase.Outcome


def followup_window(case: EvaluationCase) -> int:
    """The number of next evaluations watched, in force on the date of the insufficient one."""
    return int(parameter(WINDOW_KEY, on=case.evaluation.evaluated_on))


def followup_evaluations(case: EvaluationCase, *, window: int | None = None) -> list[Evaluation]:
    """The evaluations after the insufficient one, in date order, at most `window` of them."""
    window = followup_window(case) if window is None else window
    return list(
        Evaluation.objects.filter(staff_id=case.staff_id, evaluated_on__gt=case.evaluation.evaluated_on).order_by(
            "evaluated_on"
        )[:window]
    )


def _service_end(*, actor, case: EvaluationCase, on: date) -> dict:
    """A dismissal ends the person's service in the core (`Staff.is_active=False`) on the decision, in the
    decision's transaction: their open guidance trajectories and redeployment registration close and their
    pending or future leave is withdrawn. Audited on the case with what was closed."""
    staff = Staff.objects.select_for_update(of=("self",)).get(pk=case.staff_id)
    closed = staff_left_service(actor=actor, staff=staff, on=on)
    closed["leave"] = leave_staff_left_service(actor=actor, staff=staff, on=on)
    was_active = staff.is_active
    staff.is_active = False
    staff.save(update_fields=["is_active"])
    case.staff = staff
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.service_ended",
        target=case,
        staff=staff,
        before={"is_active": was_active},
        after={"is_active": False, "on": on, **closed},
    )
    return closed


def _case_lock(case_id: int) -> EvaluationCase:
    return EvaluationCase.objects.select_for_update(of=("self",)).select_related("staff", "evaluation").get(pk=case_id)


def _refresh(case: EvaluationCase, *, actor=None) -> bool:
    """Mark dismissal mandatory when one of the next evaluations in the window is again insufficient."""
    if case.status not in (Status.DECISION, Status.GUIDANCE):
        return False
    window = followup_window(case)
    second = next(
        (e for e in followup_evaluations(case, window=window) if e.rating == Evaluation.Rating.INSUFFICIENT), None
    )
    if second is None:
        return False
    case.status = Status.DISMISSAL_REQUIRED
    case.second_insufficient = second
    case.save(update_fields=["status", "second_insufficient"])
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.dismissal_required",
        target=case,
        staff=case.staff,
        after={"second_insufficient": second.evaluated_on, "window": window},
        parameters=snapshot([WINDOW_KEY], on=case.evaluation.evaluated_on),
    )
    job_enqueue("deployability.evaluations.tasks.notify_dismissal_required", case.pk)
    return True


@transaction.atomic
def evaluation_saved(evaluation: Evaluation, *, actor=None) -> EvaluationCase | None:
    """Whatever road created the evaluation (this part, the core's admin, an import): update the person's open
    cases, and open a case for an "insufficient" that no open case's window takes in."""
    cases = list(
        EvaluationCase.objects.select_for_update(of=("self",))
        .select_related("staff", "evaluation")
        .filter(staff_id=evaluation.staff_id, status__in=[Status.DECISION, Status.GUIDANCE])
        .filter(evaluation__evaluated_on__lt=evaluation.evaluated_on)
        .order_by("pk")
    )
    absorbed = False
    for case in cases:
        if _refresh(case, actor=actor) and case.second_insufficient_id == evaluation.pk:
            absorbed = True
    if evaluation.rating != Evaluation.Rating.INSUFFICIENT or absorbed:
        return None
    if EvaluationCase.objects.filter(evaluation=evaluation).exists():
        return None
    if EvaluationCase.objects.filter(second_insufficient=evaluation).exists():
        return None
    case = EvaluationCase.objects.create(
        staff_id=evaluation.staff_id, evaluation=evaluation, opened_on=evaluation.evaluated_on
    )
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.opened",
        target=case,
        staff=case.staff,
        after={"evaluation": evaluation.evaluated_on},
    )
    job_enqueue("deployability.evaluations.tasks.notify_case_opened", case.pk)
    return case


def evaluation_post_save(sender, instance, created, raw=False, **kwargs):
    """post_save receiver on the core's Evaluation (connected in DeployabilityConfig.ready)."""
    if raw:
        return
    evaluation_saved(instance)


@transaction.atomic
def case_dismiss_special(*, actor, case_id: int, finding: str, decided_on: date) -> EvaluationCase:
    """Dismissal after an "insufficient": only with a recorded finding of special circumstances (exceptionally
    poor functioning without goodwill); statutory and contractual staff alike."""
    case = _case_lock(case_id)
    if not can_work_case(user=actor, case=case):
        raise PermissionDenied
    if case.status not in (Status.DECISION, Status.GUIDANCE):
        raise ValidationError(_("This case is no longer waiting for this decision."))
    errors = {}
    if not (finding or "").strip():
        errors["special_circumstances"] = _(
            "Dismissal after an insufficient is possible only with a recorded finding of special circumstances "
            "(exceptionally poor functioning without goodwill)."
        )
    if decided_on is None or decided_on < case.evaluation.evaluated_on:
        errors["decided_on"] = _("The decision cannot be dated before the insufficient evaluation.")
    if errors:
        raise ValidationError(errors)
    case.special_circumstances = finding.strip()
    case.status = Status.CLOSED
    case.outcome = Outcome.DISMISSED_SPECIAL
    case.dismissal_decided_on = decided_on
    case.closed_on = decided_on
    case.decided_by = actor
    case.save()
    _service_end(actor=actor, case=case, on=decided_on)
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.dismissed_special",
        target=case,
        staff=case.staff,
        after={
            "finding": case.special_circumstances,
            "decided_on": decided_on,
            "employment": case.staff.employment_type,
        },
    )
    return case


@transaction.atomic
def case_start_guidance(*, actor, case_id: int, kind: str, goal: str, started_on: date, steps=None) -> EvaluationCase:
    """An insufficient that does not lead to dismissal starts guidance: a guidance trajectory."""
    case = _case_lock(case_id)
    if not can_work_case(user=actor, case=case):
        raise PermissionDenied
    if case.status != Status.DECISION:
        raise ValidationError(_("Guidance can only start while the case waits for its decision."))
    if started_on is not None and started_on < case.evaluation.evaluated_on:
        raise ValidationError({"started_on": _("Guidance cannot start before the insufficient evaluation.")})
    trajectory = trajectory_open(
        actor=actor,
        staff=case.staff,
        kind=kind,
        goal=goal,
        started_on=started_on,
        steps=steps,
        reason=GuidanceTrajectory.Reason.EVALUATION,
    )
    case.trajectory = trajectory
    case.guidance_started_on = started_on
    case.status = Status.GUIDANCE
    case.decided_by = actor
    case.save(update_fields=["trajectory", "guidance_started_on", "status", "decided_by"])
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.guidance",
        target=case,
        staff=case.staff,
        after={"trajectory": trajectory.pk, "started_on": started_on},
        parameters=snapshot([MIN_MONTHS_KEY, WINDOW_KEY], on=case.evaluation.evaluated_on),
    )
    return case


@transaction.atomic
def case_record_evaluation(*, actor, case_id: int, evaluated_on: date, rating: str, remarks: str = "") -> Evaluation:
    """HR records the next evaluation on the case: no sooner than the minimum months after an insufficient."""
    case = _case_lock(case_id)
    if not can_work_case(user=actor, case=case):
        raise PermissionDenied
    if case.status not in (Status.DECISION, Status.GUIDANCE):
        raise ValidationError(_("This case no longer follows evaluations."))
    errors = {}
    if rating not in Evaluation.Rating.values:
        errors["rating"] = _("Choose a rating.")
    if evaluated_on is None:
        errors["evaluated_on"] = _("Give the date of the evaluation.")
    elif evaluated_on <= case.evaluation.evaluated_on:
        errors["evaluated_on"] = _("The next evaluation comes after the insufficient one.")
    if errors:
        raise ValidationError(errors)
    evaluation_check_interval(staff_id=case.staff_id, evaluated_on=evaluated_on)
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(
                staff=case.staff, evaluated_on=evaluated_on, rating=rating, remarks=(remarks or "").strip()
            )
    except IntegrityError:
        raise ValidationError({"evaluated_on": _("There is already an evaluation on this date.")}) from None
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.evaluation",
        target=case,
        staff=case.staff,
        after={"evaluated_on": evaluated_on, "rating": rating},
        parameters=snapshot([MIN_MONTHS_KEY, WINDOW_KEY], on=evaluated_on),
    )
    evaluation_saved(evaluation, actor=actor)
    return evaluation


@transaction.atomic
def case_decide_dismissal(*, actor, case_id: int, decided_on: date, note: str) -> EvaluationCase:
    """The mandatory dismissal decision after a second insufficient; it closes the case."""
    case = _case_lock(case_id)
    if not can_work_case(user=actor, case=case):
        raise PermissionDenied
    if case.status != Status.DISMISSAL_REQUIRED:
        raise ValidationError(_("Dismissal is not mandatory in this case."))
    errors = {}
    if not (note or "").strip():
        errors["note"] = _("Record the dismissal decision (reference, date of effect).")
    if decided_on is None or decided_on < case.second_insufficient.evaluated_on:
        errors["decided_on"] = _("The decision cannot be dated before the second insufficient evaluation.")
    if errors:
        raise ValidationError(errors)
    case.dismissal_decided_on = decided_on
    case.dismissal_note = note.strip()
    case.status = Status.CLOSED
    case.outcome = Outcome.DISMISSED_MANDATORY
    case.closed_on = decided_on
    case.decided_by = actor
    case.save()
    _service_end(actor=actor, case=case, on=decided_on)
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.dismissed_mandatory",
        target=case,
        staff=case.staff,
        after={"decided_on": decided_on, "note": case.dismissal_note, "employment": case.staff.employment_type},
        parameters=snapshot([WINDOW_KEY], on=case.evaluation.evaluated_on),
    )
    return case


@transaction.atomic
def case_close(*, actor, case_id: int, closed_on: date) -> EvaluationCase:
    """Close a guidance case once the whole window of next evaluations was sufficient. A case where dismissal
    is mandatory closes only through the dismissal decision."""
    case = _case_lock(case_id)
    if not can_work_case(user=actor, case=case):
        raise PermissionDenied
    if case.status == Status.DISMISSAL_REQUIRED:
        raise ValidationError(
            _("Dismissal is mandatory in this case: it cannot be closed without the dismissal decision.")
        )
    if case.status == Status.DECISION:
        raise ValidationError(_("Decide first: guidance or dismissal in special circumstances."))
    if case.status == Status.CLOSED:
        raise ValidationError(_("This case is already closed."))
    window = followup_window(case)
    done = len(followup_evaluations(case, window=window))
    if done < window:
        raise ValidationError(
            _("The case follows the next %(window)s evaluations; %(done)s so far.") % {"window": window, "done": done}
        )
    if closed_on is None:
        raise ValidationError({"closed_on": _("Give the closing date.")})
    case.status = Status.CLOSED
    case.outcome = Outcome.RECOVERED
    case.closed_on = closed_on
    case.save(update_fields=["status", "outcome", "closed_on"])
    audit_record(
        actor=actor,
        action="deployability.evaluation_case.closed",
        target=case,
        staff=case.staff,
        after={"outcome": case.outcome, "evaluations": done},
        parameters=snapshot([WINDOW_KEY], on=case.evaluation.evaluated_on),
    )
    return case
