"""Leave rules, each in one place: whole days for favour leave, the yearly entitlement of a right, no
overlapping leave of one person, the line manager's decision."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from deployability.leave.models import LeaveRequest, LeaveRight
from deployability.leave.permissions import can_decide_leave, is_owner
from deployability.leave.selectors import days_held, entitlement_for, leave_days, overlapping
from hrportal.audit.services import audit_record
from hrportal.inputs import date_check_bounds
from hrportal.jobs import job_enqueue
from hrportal.models import Staff
from hrportal.roles import staff_of

Status = LeaveRequest.Status


def _fmt(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _lock(request_id: int) -> LeaveRequest:
    return (
        LeaveRequest.objects.select_for_update(of=("self",))
        .select_related("staff__line_manager", "staff__entity", "right")
        .get(pk=request_id)
    )


def _snapshot(leave: LeaveRequest) -> dict:
    return {
        "right": leave.right.code,
        "start": leave.start.isoformat(),
        "end": leave.end.isoformat(),
        "half_day": leave.half_day,
        "days": str(leave.days),
        "status": leave.status,
    }


@transaction.atomic
def leave_request_create(
    *, actor, right: LeaveRight | None, start: date, end: date, half_day: bool = False, note: str = ""
) -> LeaveRequest:
    """A staff member asks leave for themselves.

    - favour leave: whole days only (a half day is refused), never capped, any number of pieces;
    - a right with a yearly entitlement: the days requested and approved in the year, plus these, may not
      exceed it (exactly using it is fine, one day more is refused);
    - a request stays within one calendar year and must hold at least one working day;
    - it may not overlap the person's requested or approved leave (the staff row is locked, so two
      overlapping requests sent at once cannot both pass).
    """
    me = staff_of(actor)
    if me is None or not me.is_active:
        raise PermissionDenied
    errors = {}
    for name, value in (("start", start), ("end", end)):
        try:
            date_check_bounds(field=name, value=value)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if right is None or not right.is_active:
        raise ValidationError({"right": _("Choose a kind of leave.")})
    if end < start:
        raise ValidationError({"end": _("The last day cannot be before the first day.")})
    if end.year != start.year:
        raise ValidationError({"end": _("A request stays within one calendar year; split it at 31 December.")})
    if half_day:
        if right.is_favour_leave:
            raise ValidationError({"half_day": _("Favour leave is taken in whole days only.")})
        if not right.half_days_allowed:
            raise ValidationError({"half_day": _("This kind of leave is taken in whole days only.")})
        if end != start:
            raise ValidationError({"half_day": _("A half day is one day: make the first and last day the same.")})
    days = leave_days(start=start, end=end, half_day=half_day)
    if days <= 0:
        raise ValidationError(
            {"start": _("The period holds no working day (Monday to Friday, public holidays excepted).")}
        )
    # Lock the person: overlap and entitlement are checked and the request written in one go.
    staff = Staff.objects.select_for_update(of=("self",)).get(pk=me.pk)
    clash = overlapping(staff_id=staff.pk, start=start, end=end).select_related("right").first()
    if clash is not None:
        raise ValidationError(
            {
                "start": _("You already have %(kind)s from %(start)s to %(end)s (%(status)s) in this period.")
                % {
                    "kind": clash.right.name,
                    "start": _fmt(clash.start),
                    "end": _fmt(clash.end),
                    "status": clash.get_status_display(),
                }
            }
        )
    held = days_held(staff_id=staff.pk, right_id=right.pk, year=start.year)
    entitlement = entitlement_for(right=right, staff=staff)
    if entitlement is not None and held + days > entitlement:
        remaining = max(entitlement - held, Decimal(0))
        raise ValidationError(
            {
                "end": _(
                    "This asks %(days)s days of %(kind)s, but only %(remaining)s of the %(entitlement)s days of "
                    "%(year)s remain (requested and approved leave counted)."
                )
                % {
                    "days": days.normalize(),
                    "kind": right.name,
                    "remaining": remaining.normalize(),
                    "entitlement": entitlement.normalize(),
                    "year": start.year,
                }
            }
        )
    leave = LeaveRequest.objects.create(
        staff=staff,
        right=right,
        start=start,
        end=end,
        half_day=half_day,
        days=days,
        note=(note or "").strip(),
    )
    audit_record(
        actor=actor,
        action="deployability.leave.requested",
        target=leave,
        staff=staff,
        entity=staff.entity,
        after=_snapshot(leave),
        parameters={
            "yearly_entitlement_days": right.yearly_entitlement_days,
            "working_time_fraction": str(staff.working_time_fraction),
            "entitlement": None if entitlement is None else str(entitlement),
            "held_before": str(held),
            "favour_leave": right.is_favour_leave,
        },
    )
    job_enqueue("deployability.leave.tasks.leave_notify_request", leave.pk)
    return leave


def _decide(*, request_id: int, actor, status: str, reason: str) -> LeaveRequest:
    leave = _lock(request_id)
    if not can_decide_leave(user=actor, leave=leave):
        raise PermissionDenied
    if leave.status != Status.REQUESTED:
        raise ValidationError(_("This request was already decided or withdrawn."))
    before = _snapshot(leave)
    leave.status = status
    leave.decided_by, leave.decided_at, leave.decision_reason = actor, timezone.now(), (reason or "").strip()
    leave.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    audit_record(
        actor=actor,
        action=f"deployability.leave.{status}",
        target=leave,
        staff=leave.staff,
        entity=leave.staff.entity,
        before=before,
        after=_snapshot(leave),
        note=leave.decision_reason,
    )
    job_enqueue("deployability.leave.tasks.leave_notify_decision", leave.pk)
    return leave


@transaction.atomic
def leave_request_approve(*, request_id: int, actor, reason: str = "") -> LeaveRequest:
    return _decide(request_id=request_id, actor=actor, status=Status.APPROVED, reason=reason)


@transaction.atomic
def leave_request_refuse(*, request_id: int, actor, reason: str) -> LeaveRequest:
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give the staff member a reason for the refusal.")})
    return _decide(request_id=request_id, actor=actor, status=Status.REFUSED, reason=reason)


@transaction.atomic
def leave_request_withdraw(*, request_id: int, actor) -> LeaveRequest:
    """The staff member withdraws a pending request, or approved leave that has not started yet."""
    leave = _lock(request_id)
    if not is_owner(user=actor, leave=leave):
        raise PermissionDenied
    if not (
        leave.status == Status.REQUESTED or (leave.status == Status.APPROVED and leave.start > timezone.localdate())
    ):
        raise ValidationError(_("Only a pending request or approved leave that has not started can be withdrawn."))
    before = _snapshot(leave)
    leave.status = Status.WITHDRAWN
    leave.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="deployability.leave.withdrawn",
        target=leave,
        staff=leave.staff,
        entity=leave.staff.entity,
        before=before,
        after=_snapshot(leave),
    )
    return leave


def leave_staff_left_service(*, actor, staff: Staff, on: date) -> int:
    """The person is out of service from `on`: pending requests and approved leave that starts after that
    day are withdrawn (audited); leave that began on or before it stays as it was taken. Runs in the caller's
    transaction; returns how many were withdrawn."""
    open_leave = list(
        LeaveRequest.objects.select_for_update()
        .select_related("right")
        .filter(staff=staff)
        .filter(Q(status=Status.REQUESTED) | Q(status=Status.APPROVED, start__gt=on))
    )
    for leave in open_leave:
        before = _snapshot(leave)
        leave.status = Status.WITHDRAWN
        leave.decision_reason = _("The person left service on %(date)s.") % {"date": _fmt(on)}
        leave.save(update_fields=["status", "decision_reason"])
        audit_record(
            actor=actor,
            action="deployability.leave.withdrawn",
            target=leave,
            staff=staff,
            entity=staff.entity,
            before=before,
            after=_snapshot(leave),
            note="left service",
        )
    return len(open_leave)


# --- the catalogue ------------------------------------------------------------------------------------
# The leave catalogue of the Flemish staff regulations (Vlaams personeelsstatuut, VPS), loaded idempotently
# by the demo seed (and by a deployment through `leave_catalogue_load()`). Names are data (Dutch, as the
# regulations name them); entitlements in working days for a full-time year.
Source = LeaveRight.Source

# code, name, source, legal basis, yearly entitlement, paid, half days allowed
RIGHTS = [
    ("jaarlijkse-vakantie", "Jaarlijkse vakantie", Source.OWN, "VPS, deel X, hoofdstuk 1", 35, True, True),
    (
        "dwingende-familiale-redenen",
        "Verlof om dwingende familiale redenen",
        Source.EU,
        "Richtlijn (EU) 2019/1158; VPS, deel X",
        10,
        True,
        True,
    ),
    ("omstandigheidsverlof", "Omstandigheidsverlof", Source.OWN, "VPS, deel X, hoofdstuk 3", None, True, False),
    (
        "moederschapsrust",
        "Moederschapsrust",
        Source.FEDERAL,
        "Arbeidswet van 16 maart 1971, art. 39",
        None,
        True,
        False,
    ),
    ("geboorteverlof", "Geboorteverlof", Source.FEDERAL, "Wet van 3 juli 1978, art. 30", None, True, False),
    (
        "ouderschapsverlof",
        "Ouderschapsverlof",
        Source.EU,
        "Richtlijn (EU) 2019/1158; KB van 29 oktober 1997",
        None,
        False,
        True,
    ),
]
FAVOUR = (
    "gunstverlof",
    "Gestandaardiseerd gunstverlof",
    "VPS, deel X (gestandaardiseerd gunstverlof; Modern HR-beleid, doelstelling 2)",
)


def leave_catalogue_load() -> int:
    """Create or refresh the catalogue; returns the number of rights."""
    for position, (code, name, source, basis, days, paid, halves) in enumerate(RIGHTS):
        LeaveRight.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "source": source,
                "legal_basis": basis,
                "yearly_entitlement_days": days,
                "paid": paid,
                "half_days_allowed": halves,
                "position": position,
            },
        )
    code, name, basis = FAVOUR
    LeaveRight.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "source": Source.OWN,
            "legal_basis": basis,
            "yearly_entitlement_days": None,
            "is_favour_leave": True,
            "paid": False,
            "counts_as_service": True,
            "half_days_allowed": False,
            "position": len(RIGHTS),
        },
    )
    return len(RIGHTS) + 1
