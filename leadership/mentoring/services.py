from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Competency, Staff
from hrportal.roles import staff_of
from hrportal.scoping import can_work_hr_case
from leadership.mentoring.matching import in_own_line
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch, MentoringMeeting
from leadership.mentoring.permissions import can_propose_for, side_of

Status = MentoringMatch.Status


def _is_self_or_hr(*, actor, staff: Staff) -> bool:
    me = staff_of(actor)
    return (me is not None and me.pk == staff.pk) or can_work_hr_case(user=actor, staff=staff)


@transaction.atomic
def mentor_register(*, actor, staff: Staff, motivation: str = "", is_active: bool = True) -> Mentor:
    """A leader in a middle-management function offers to mentor (themselves, or HR for them)."""
    if not _is_self_or_hr(actor=actor, staff=staff):
        raise PermissionDenied
    if staff.management_tier != Staff.Tier.MIDDLE or not staff.is_active:
        raise ValidationError({"staff": _("Mentors hold a middle-management function.")})
    mentor, created = Mentor.objects.select_for_update().get_or_create(
        staff=staff, defaults={"motivation": (motivation or "").strip(), "is_active": is_active}
    )
    if not created:
        mentor.motivation, mentor.is_active = (motivation or "").strip(), is_active
        mentor.save(update_fields=["motivation", "is_active"])
    audit_record(actor=actor, action="leadership.mentor.saved", target=mentor, staff=staff, after={"active": is_active})
    return mentor


@transaction.atomic
def mentee_register(
    *, actor, staff: Staff, ambition: str, competencies: list[Competency], is_active: bool = True
) -> Mentee:
    """Anyone with the ambition to step up to management may ask for a mentor."""
    if not _is_self_or_hr(actor=actor, staff=staff):
        raise PermissionDenied
    if not ambition or not ambition.strip():
        raise ValidationError({"ambition": _("Describe your ambition.")})
    if not staff.is_active:
        raise ValidationError({"staff": _("This person is no longer in service.")})
    mentee, created = Mentee.objects.select_for_update().get_or_create(
        staff=staff, defaults={"ambition": ambition.strip(), "is_active": is_active}
    )
    if not created:
        mentee.ambition, mentee.is_active = ambition.strip(), is_active
        mentee.save(update_fields=["ambition", "is_active"])
    mentee.competencies.set(competencies)
    audit_record(
        actor=actor,
        action="leadership.mentee.saved",
        target=mentee,
        staff=staff,
        after={"active": is_active, "competencies": sorted(c.code for c in competencies)},
    )
    return mentee


@transaction.atomic
def match_propose(*, actor, mentee_id: int, mentor_id: int) -> MentoringMatch:
    """HR proposes a mentor to a mentee: an available middle manager outside the mentee's own line."""
    mentee = Mentee.objects.select_for_update().select_related("staff").filter(pk=mentee_id).first()
    if mentee is None or not can_propose_for(user=actor, mentee=mentee):
        raise PermissionDenied
    mentor = Mentor.objects.select_related("staff").filter(pk=mentor_id).first()
    if mentor is None or not mentor.is_active or not mentor.staff.is_active:
        raise ValidationError({"mentor": _("Choose an available mentor.")})
    if mentor.staff.management_tier != Staff.Tier.MIDDLE:
        raise ValidationError({"mentor": _("Mentors hold a middle-management function.")})
    if mentor.staff_id == mentee.staff_id:
        raise ValidationError({"mentor": _("Nobody mentors themselves.")})
    if in_own_line(mentor_staff=mentor.staff, mentee_staff=mentee.staff):
        raise ValidationError({"mentor": _("A mentor is never from the mentee's own line.")})
    if not mentee.is_active:
        raise ValidationError({"mentee": _("This mentee is not looking for a mentor.")})
    if mentee.matches.filter(status__in=[Status.PROPOSED, Status.ACTIVE]).exists():
        raise ValidationError({"mentee": _("This mentee already has a proposed or running match.")})
    match = MentoringMatch(mentor=mentor, mentee=mentee, proposed_by=actor)
    with unique_or_invalid(_("This mentee already has a proposed or running match."), field="mentee"):
        match.save()
    audit_record(
        actor=actor,
        action="leadership.match.proposed",
        target=match,
        staff=mentee.staff,
        after={"mentor": mentor.staff_id, "mentee": mentee.staff_id},
    )
    job_enqueue("leadership.mentoring.tasks.notify_match_proposed", match.pk)
    return match


def _match_lock(match_id: int) -> MentoringMatch:
    match = MentoringMatch.objects.select_for_update().filter(pk=match_id).first()
    if match is None:
        raise PermissionDenied
    return MentoringMatch.objects.select_related("mentor__staff", "mentee__staff").get(pk=match.pk)


@transaction.atomic
def match_respond(*, actor, match_id: int, accept: bool) -> MentoringMatch:
    """Mentor and mentee each accept (the match starts once both did) or decline (it ends)."""
    match = _match_lock(match_id)
    side = side_of(user=actor, match=match)
    if side is None:
        raise PermissionDenied
    if match.status != Status.PROPOSED:
        raise ValidationError(_("This match is no longer waiting for an answer."))
    before = match.status
    now = timezone.now()
    if accept:
        if side == "mentor":
            match.mentor_accepted_at = match.mentor_accepted_at or now
        else:
            match.mentee_accepted_at = match.mentee_accepted_at or now
        if match.mentor_accepted_at and match.mentee_accepted_at:
            match.status = Status.ACTIVE
            match.mentee.is_active = False
            match.mentee.save(update_fields=["is_active"])
    else:
        match.status = Status.DECLINED
    match.save(update_fields=["status", "mentor_accepted_at", "mentee_accepted_at"])
    audit_record(
        actor=actor,
        action="leadership.match.accepted" if accept else "leadership.match.declined",
        target=match,
        staff=match.mentee.staff,
        before={"status": before},
        after={"status": match.status, "side": side},
    )
    if match.status == Status.ACTIVE:
        job_enqueue("leadership.mentoring.tasks.notify_match_started", match.pk)
    return match


@transaction.atomic
def meeting_record(*, actor, match_id: int, met_on: date, topic: str) -> MentoringMeeting:
    match = _match_lock(match_id)
    if side_of(user=actor, match=match) is None:
        raise PermissionDenied
    if match.status != Status.ACTIVE:
        raise ValidationError(_("Meetings are recorded for a running match."))
    errors = {}
    if not topic or not topic.strip():
        errors["topic"] = _("Say what you talked about.")
    if met_on is None or met_on > timezone.localdate():
        errors["met_on"] = _("The meeting date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    meeting = MentoringMeeting.objects.create(match=match, met_on=met_on, topic=topic.strip(), recorded_by=actor)
    audit_record(
        actor=actor,
        action="leadership.match.meeting",
        target=match,
        staff=match.mentee.staff,
        after={"met_on": met_on},
    )
    return meeting


@transaction.atomic
def match_close(*, actor, match_id: int, evaluation: str, goal_reached: bool | None) -> MentoringMatch:
    """Mentor, mentee or HR closes a running match with its closing evaluation."""
    match = _match_lock(match_id)
    if side_of(user=actor, match=match) is None and not can_work_hr_case(user=actor, staff=match.mentee.staff):
        raise PermissionDenied
    if match.status != Status.ACTIVE:
        raise ValidationError(_("Only a running match can be closed."))
    if not evaluation or not evaluation.strip():
        raise ValidationError({"evaluation": _("Write the closing evaluation.")})
    match.status = Status.CLOSED
    match.closed_on = timezone.localdate()
    match.evaluation, match.goal_reached = evaluation.strip(), goal_reached
    match.save(update_fields=["status", "closed_on", "evaluation", "goal_reached"])
    audit_record(
        actor=actor,
        action="leadership.match.closed",
        target=match,
        staff=match.mentee.staff,
        before={"status": Status.ACTIVE},
        after={"status": Status.CLOSED, "goal_reached": goal_reached},
    )
    return match
