"""Careers of contractual staff: who may apply to a statutory promotion post, project leader appointments."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deployability.careers.models import ProjectLeaderAppointment, PromotionApplication, PromotionPost
from deployability.careers.permissions import can_appoint_project_leader, can_publish_posts, post_entities_for
from hrportal.audit.services import audit_record
from hrportal.inputs import date_check_bounds, unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Entity, Function, Staff
from hrportal.roles import staff_of


def apply_refusal_reason(staff: Staff | None) -> str | None:
    """Why `staff` may not apply to a statutory promotion post, or None. Statutory staff may; contractual
    staff only when recruited through an objective recruitment with public announcement."""
    if staff is None or not staff.is_active:
        return _("Only staff in service can apply.")
    if staff.employment_type == Staff.EmploymentType.CONTRACTUAL and not staff.objective_recruitment:
        return _(
            "You are contractual staff not recruited through an objective recruitment with public announcement: "
            "only statutory staff and contractuals recruited that way may apply to statutory promotion posts."
        )
    return None


@transaction.atomic
def post_publish(
    *,
    actor,
    title: str,
    function: Function,
    grade: str,
    entity: Entity,
    opens_on: date,
    closes_on: date,
    description: str = "",
) -> PromotionPost:
    if not can_publish_posts(actor):
        raise PermissionDenied
    errors = {}
    if not post_entities_for(actor).filter(pk=entity.pk).exists():
        errors["entity"] = _("You cannot publish a post for this entity.")
    if grade not in Staff.Grade.values:
        errors["grade"] = _("Choose a grade.")
    if closes_on < opens_on:
        errors["closes_on"] = _("Applications cannot close before they open.")
    if errors:
        raise ValidationError(errors)
    post = PromotionPost.objects.create(
        title=title.strip(),
        function=function,
        grade=grade,
        entity=entity,
        opens_on=opens_on,
        closes_on=closes_on,
        description=(description or "").strip(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="deployability.careers.post_published",
        target=post,
        entity=entity,
        after={"function": function.pk, "grade": grade, "opens_on": opens_on, "closes_on": closes_on},
    )
    return post


@transaction.atomic
def post_apply(*, actor, post_id: int, motivation: str = "", today: date | None = None) -> PromotionApplication:
    me = staff_of(actor)
    if me is None:
        raise PermissionDenied
    today = today or timezone.localdate()
    post = PromotionPost.objects.select_for_update().get(pk=post_id)
    reason = apply_refusal_reason(me)
    if reason:
        raise ValidationError({"motivation": reason})
    if not (post.opens_on <= today <= post.closes_on):
        raise ValidationError(
            {
                "motivation": _("Applications are open from %(first)s to %(last)s.")
                % {"first": post.opens_on.strftime("%d/%m/%Y"), "last": post.closes_on.strftime("%d/%m/%Y")}
            }
        )
    if PromotionApplication.objects.filter(post=post, staff=me).exists():
        raise ValidationError({"motivation": _("You already applied to this post.")})
    with unique_or_invalid(_("You already applied to this post."), field="motivation"):
        application = PromotionApplication.objects.create(
            post=post, staff=me, employment_type=me.employment_type, motivation=(motivation or "").strip()
        )
    audit_record(
        actor=actor,
        action="deployability.careers.applied",
        target=application,
        staff=me,
        entity=post.entity,
        after={
            "post": post.pk,
            "employment_type": me.employment_type,
            "objective_recruitment": me.objective_recruitment,
        },
    )
    job_enqueue("deployability.careers.tasks.careers_notify_application", application.pk)
    return application


@transaction.atomic
def project_leader_appoint(
    *, actor, staff: Staff, project: str, start: date, end: date | None = None
) -> ProjectLeaderAppointment:
    if not can_appoint_project_leader(user=actor, staff=staff):
        raise PermissionDenied
    date_check_bounds(field="start", value=start)
    if end is not None and end < start:
        raise ValidationError({"end": _("The end cannot be before the start.")})
    if not staff.is_active:
        raise ValidationError({"staff": _("This person is no longer in service.")})
    appointment = ProjectLeaderAppointment.objects.create(
        staff=staff, project=project.strip(), start=start, end=end, appointed_by=actor
    )
    audit_record(
        actor=actor,
        action="deployability.careers.project_leader_appointed",
        target=appointment,
        staff=staff,
        after={"project": appointment.project, "start": start, "end": end, "employment_type": staff.employment_type},
    )
    return appointment
