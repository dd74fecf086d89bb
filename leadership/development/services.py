from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Staff
from leadership.development.models import Enrolment, OnboardingChecklist, OnboardingItem, Session
from leadership.development.permissions import (
    can_decide_enrolment,
    can_enrol,
    can_manage_offer,
    can_tick_onboarding,
)

Status = Enrolment.Status

# The onboarding of a new middle manager: (kind, task, days after the start it is due).
ONBOARDING_TEMPLATE = [
    (OnboardingItem.Kind.ELEARNING, _("E-learning 'Leading in the Flemish government'"), 30),
    (OnboardingItem.Kind.MENTOR, _("Mentor appointed and first meeting held"), 60),
    (OnboardingItem.Kind.TALK, _("First-year talk after three months"), 91),
    (OnboardingItem.Kind.TALK, _("First-year talk after six months"), 182),
    (OnboardingItem.Kind.TALK, _("First-year talk after one year"), 365),
]


@transaction.atomic
def session_create(*, actor, module_id: int, starts_on: date, ends_on: date, location: str, capacity: int) -> Session:
    if not can_manage_offer(actor):
        raise PermissionDenied
    errors = {}
    if capacity is None or capacity < 1:
        errors["capacity"] = _("A session has at least one seat.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The end cannot be before the start.")
    if not location or not location.strip():
        errors["location"] = _("Give the location.")
    if errors:
        raise ValidationError(errors)
    session = Session.objects.create(
        module_id=module_id, starts_on=starts_on, ends_on=ends_on, location=location.strip(), capacity=capacity
    )
    audit_record(
        actor=actor,
        action="leadership.session.created",
        target=session,
        after={"module": module_id, "starts_on": starts_on, "capacity": capacity},
    )
    return session


@transaction.atomic
def enrolment_request(*, actor, session_id: int, staff: Staff) -> Enrolment:
    """A seat is held from the request on: the session row is locked, so two people asking the last seat at
    once queue up and the second finds the session full."""
    if not can_enrol(user=actor, staff=staff):
        raise PermissionDenied
    session = Session.objects.select_for_update().filter(pk=session_id).first()
    if session is None:
        raise ValidationError({"session": _("Choose a session.")})
    if session.starts_on <= timezone.localdate():
        raise ValidationError({"session": _("This session has already started.")})
    if not staff.is_active:
        raise ValidationError({"staff": _("This person is no longer in service.")})
    taken = Enrolment.objects.filter(session=session, status__in=Enrolment.HOLDS_SEAT).count()
    if Enrolment.objects.filter(session=session, staff=staff, status__in=Enrolment.HOLDS_SEAT).exists():
        raise ValidationError({"session": _("You are already enrolled in this session.")})
    if taken >= session.capacity:
        raise ValidationError({"session": _("This session is full.")})
    enrolment = Enrolment(session=session, staff=staff, requested_by=actor)
    # No line manager (the top of a line): HR of the entity decides; the request waits for them as well.
    with unique_or_invalid(_("You are already enrolled in this session."), field="session"):
        enrolment.save()
    audit_record(
        actor=actor,
        action="leadership.enrolment.requested",
        target=enrolment,
        staff=staff,
        after={"session": session.pk, "seats_taken": taken + 1, "capacity": session.capacity},
    )
    job_enqueue("leadership.development.tasks.notify_enrolment_requested", enrolment.pk)
    return enrolment


def _enrolment_lock(enrolment_id: int) -> Enrolment:
    enrolment = Enrolment.objects.select_for_update().filter(pk=enrolment_id).first()
    if enrolment is None:
        raise PermissionDenied
    return Enrolment.objects.select_related("staff", "session").get(pk=enrolment.pk)


@transaction.atomic
def enrolment_decide(*, actor, enrolment_id: int, agree: bool, reason: str = "") -> Enrolment:
    """The line manager agrees to an enrolment, or refuses it (with a reason; the seat is freed)."""
    enrolment = _enrolment_lock(enrolment_id)
    if not can_decide_enrolment(user=actor, enrolment=enrolment):
        raise PermissionDenied
    if enrolment.status != Status.REQUESTED:
        raise ValidationError(_("This enrolment has already been decided."))
    if not agree and not (reason or "").strip():
        raise ValidationError({"reason": _("Give the participant a reason.")})
    enrolment.status = Status.AGREED if agree else Status.REFUSED
    enrolment.decided_by, enrolment.decided_at = actor, timezone.now()
    enrolment.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action="leadership.enrolment.agreed" if agree else "leadership.enrolment.refused",
        target=enrolment,
        staff=enrolment.staff,
        before={"status": Status.REQUESTED},
        after={"status": enrolment.status},
        note=(reason or "").strip(),
    )
    job_enqueue("leadership.development.tasks.notify_enrolment_decided", enrolment.pk)
    return enrolment


@transaction.atomic
def enrolment_cancel(*, actor, enrolment_id: int) -> Enrolment:
    enrolment = _enrolment_lock(enrolment_id)
    if not can_enrol(user=actor, staff=enrolment.staff):
        raise PermissionDenied
    if enrolment.status not in Enrolment.HOLDS_SEAT or enrolment.attendance:
        raise ValidationError(_("This enrolment can no longer be cancelled."))
    before = enrolment.status
    enrolment.status = Status.CANCELLED
    enrolment.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="leadership.enrolment.cancelled",
        target=enrolment,
        staff=enrolment.staff,
        before={"status": before},
        after={"status": Status.CANCELLED},
    )
    return enrolment


@transaction.atomic
def attendance_record(*, actor, enrolment_id: int, attendance: str) -> Enrolment:
    """HR records whether an agreed participant attended, once the session has started."""
    enrolment = _enrolment_lock(enrolment_id)
    if not can_manage_offer(actor) or not can_enrol(user=actor, staff=enrolment.staff):
        raise PermissionDenied
    if attendance not in (Enrolment.Attendance.ATTENDED, Enrolment.Attendance.ABSENT):
        raise ValidationError({"attendance": _("Choose attended or absent.")})
    if enrolment.status != Status.AGREED:
        raise ValidationError({"attendance": _("Only an agreed enrolment has an attendance.")})
    if enrolment.session.starts_on > timezone.localdate():
        raise ValidationError({"attendance": _("The session has not started yet.")})
    before = enrolment.attendance
    enrolment.attendance = attendance
    enrolment.save(update_fields=["attendance"])
    audit_record(
        actor=actor,
        action="leadership.enrolment.attendance",
        target=enrolment,
        staff=enrolment.staff,
        before={"attendance": before},
        after={"attendance": attendance},
    )
    return enrolment


def onboarding_start(*, actor, staff: Staff, starts_on: date) -> OnboardingChecklist:
    """The onboarding checklist of a new middle manager (called inside the appointment's transaction)."""
    checklist, created = OnboardingChecklist.objects.get_or_create(staff=staff, defaults={"starts_on": starts_on})
    if not created:
        return checklist
    OnboardingItem.objects.bulk_create(
        [
            OnboardingItem(checklist=checklist, kind=kind, label=str(label), due_on=starts_on + timedelta(days=days))
            for kind, label, days in ONBOARDING_TEMPLATE
        ]
    )
    audit_record(
        actor=actor,
        action="leadership.onboarding.started",
        target=checklist,
        staff=staff,
        after={"starts_on": starts_on, "tasks": len(ONBOARDING_TEMPLATE)},
    )
    return checklist


@transaction.atomic
def onboarding_item_tick(*, actor, item_id: int, done: bool) -> OnboardingItem:
    item = OnboardingItem.objects.select_for_update().filter(pk=item_id).first()
    if item is None:
        raise PermissionDenied
    checklist = OnboardingChecklist.objects.select_related("staff").get(pk=item.checklist_id)
    if not can_tick_onboarding(user=actor, checklist=checklist):
        raise PermissionDenied
    before = item.done_on
    item.done_on = timezone.localdate() if done else None
    item.done_by = actor if done else None
    item.save(update_fields=["done_on", "done_by"])
    audit_record(
        actor=actor,
        action="leadership.onboarding.ticked",
        target=checklist,
        staff=checklist.staff,
        before={"item": item.pk, "done_on": before},
        after={"item": item.pk, "done_on": item.done_on},
    )
    return item
