"""Re-integration rules: one open case per person, steps of three kinds, a closed case has an outcome.
Medical details never enter the audit trail or a notification (only that they changed)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep
from deployability.reintegration.permissions import can_open_case, can_work_case
from hrportal.audit.services import audit_record
from hrportal.inputs import date_check_bounds, unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Function, Staff

Status = ReintegrationCase.Status
Kind = ReintegrationStep.Kind


def _lock(case_id: int) -> ReintegrationCase:
    return ReintegrationCase.objects.select_for_update(of=("self",)).select_related("staff__entity").get(pk=case_id)


def _open_for_work(case: ReintegrationCase, actor) -> None:
    if not can_work_case(user=actor, case=case):
        raise PermissionDenied
    if case.status == Status.CLOSED:
        raise ValidationError(_("This case is closed."))


@transaction.atomic
def case_open(
    *, actor, staff: Staff, intake_on: date, medical_details: str = "", shared_summary: str = ""
) -> ReintegrationCase:
    if not can_open_case(user=actor, staff=staff):
        raise PermissionDenied
    date_check_bounds(field="intake_on", value=intake_on)
    Staff.objects.select_for_update(of=("self",)).filter(pk=staff.pk).first()
    if ReintegrationCase.objects.filter(staff=staff).exclude(status=Status.CLOSED).exists():
        raise ValidationError({"staff": _("This person already has an open re-integration case.")})
    with unique_or_invalid(_("This person already has an open re-integration case."), field="staff"):
        case = ReintegrationCase.objects.create(
            staff=staff,
            intake_on=intake_on,
            medical_details=(medical_details or "").strip(),
            shared_summary=(shared_summary or "").strip(),
            opened_by=actor,
        )
    audit_record(
        actor=actor,
        action="deployability.reintegration.opened",
        target=case,
        staff=staff,
        after={"intake_on": intake_on.isoformat(), "medical_details_recorded": bool(case.medical_details)},
    )
    job_enqueue("deployability.reintegration.tasks.reintegration_notify_shared", case.pk)
    return case


@transaction.atomic
def case_notes_save(*, actor, case_id: int, medical_details: str, shared_summary: str) -> ReintegrationCase:
    case = _lock(case_id)
    _open_for_work(case, actor)
    medical_changed = case.medical_details != (medical_details or "").strip()
    shared_changed = case.shared_summary != (shared_summary or "").strip()
    case.medical_details = (medical_details or "").strip()
    case.shared_summary = (shared_summary or "").strip()
    case.save(update_fields=["medical_details", "shared_summary"])
    audit_record(
        actor=actor,
        action="deployability.reintegration.notes_saved",
        target=case,
        staff=case.staff,
        after={"medical_details_changed": medical_changed, "shared_summary": case.shared_summary},
    )
    if shared_changed:
        job_enqueue("deployability.reintegration.tasks.reintegration_notify_shared", case.pk)
    return case


@transaction.atomic
def team_member_add(*, actor, case_id: int, staff: Staff, role: str) -> CaseTeamMember:
    case = _lock(case_id)
    _open_for_work(case, actor)
    if role not in CaseTeamMember.Role.values:
        raise ValidationError({"role": _("Choose a role in the team.")})
    if staff.pk == case.staff_id:
        raise ValidationError({"staff": _("The person themself is not a member of their own team.")})
    if case.team.filter(staff=staff).exists():
        raise ValidationError({"staff": _("This person is already on the team.")})
    with unique_or_invalid(_("This person is already on the team."), field="staff"):
        member = CaseTeamMember.objects.create(case=case, staff=staff, role=role)
    audit_record(
        actor=actor,
        action="deployability.reintegration.team_member_added",
        target=case,
        staff=case.staff,
        after={"member": staff.pk, "role": role},
    )
    return member


@transaction.atomic
def step_add(
    *,
    actor,
    case_id: int,
    kind: str,
    start: date,
    end: date | None = None,
    working_time_percent: int | None = None,
    function: Function | None = None,
    description: str = "",
) -> ReintegrationStep:
    case = _lock(case_id)
    _open_for_work(case, actor)
    errors = {}
    if kind not in Kind.values:
        errors["kind"] = _("Choose a kind of step.")
    if start is None:
        errors["start"] = _("Enter the first day.")
    elif start < case.intake_on:
        errors["start"] = _("A step starts on or after the intake.")
    if start and end and end < start:
        errors["end"] = _("The end cannot be before the start.")
    if kind == Kind.PART_TIME and not (working_time_percent and 1 <= working_time_percent <= 99):
        errors["working_time_percent"] = _("A part-time resumption has a working time between 1 and 99 %.")
    if kind != Kind.PART_TIME and working_time_percent is not None:
        errors["working_time_percent"] = _("Only a part-time resumption has a working time.")
    if kind == Kind.OTHER_FUNCTION and function is None:
        errors["function"] = _("Choose the other function.")
    if errors:
        raise ValidationError(errors)
    step = ReintegrationStep.objects.create(
        case=case,
        kind=kind,
        start=start,
        end=end,
        working_time_percent=working_time_percent,
        function=function if kind == Kind.OTHER_FUNCTION else None,
        description=(description or "").strip(),
        created_by=actor,
    )
    if case.status == Status.INTAKE:
        case.status = Status.RUNNING
        case.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="deployability.reintegration.step_added",
        target=case,
        staff=case.staff,
        after={"kind": kind, "start": start.isoformat(), "working_time_percent": working_time_percent},
    )
    job_enqueue("deployability.reintegration.tasks.reintegration_notify_shared", case.pk)
    return step


@transaction.atomic
def case_close(*, actor, case_id: int, outcome: str, outcome_note: str = "", closed_on: date | None = None):
    case = _lock(case_id)
    _open_for_work(case, actor)
    closed_on = closed_on or timezone.localdate()
    if outcome not in ReintegrationCase.Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    if closed_on < case.intake_on:
        raise ValidationError({"closed_on": _("A case closes on or after its intake.")})
    before = {"status": case.status}
    case.status, case.outcome, case.outcome_note, case.closed_on = (
        Status.CLOSED,
        outcome,
        (outcome_note or "").strip(),
        closed_on,
    )
    case.save(update_fields=["status", "outcome", "outcome_note", "closed_on"])
    audit_record(
        actor=actor,
        action="deployability.reintegration.closed",
        target=case,
        staff=case.staff,
        before=before,
        after={"status": Status.CLOSED, "outcome": outcome, "closed_on": closed_on.isoformat()},
    )
    job_enqueue("deployability.reintegration.tasks.reintegration_notify_shared", case.pk)
    return case
