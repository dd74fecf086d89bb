from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Entity, Staff
from hrportal.roles import staff_of
from telework.models import Pool, PoolAssignment, PoolMember, SupportRequest
from telework.pools.permissions import can_coordinate_pool, can_manage_pools, is_leader, requestable_entities
from telework.pools.selectors import budget_rule, staff_hours_used

Kind = SupportRequest.Kind
Status = SupportRequest.Status


def _request_lock(request_id: int) -> SupportRequest:
    return SupportRequest.objects.select_for_update().get(pk=request_id)


@transaction.atomic
def support_request_create(
    *,
    actor,
    kind: str,
    description: str,
    estimated_hours: int,
    wanted_from: date,
    wanted_until: date,
    entity: Entity | None = None,
) -> SupportRequest:
    """A leader asks leadership coaching for themselves; a leader (own entity), an HR officer (their entities)
    or central HR asks team coaching or process support for an entity."""
    errors = {}
    if kind not in Kind.values:
        errors["kind"] = _("Choose a kind of support.")
    if not description or not description.strip():
        errors["description"] = _("Describe the support you need.")
    if estimated_hours is None or estimated_hours < 1:
        errors["estimated_hours"] = _("Estimate at least one hour.")
    if wanted_from and wanted_until and wanted_until < wanted_from:
        errors["wanted_until"] = _("The end cannot be before the start.")
    coachee = None
    if kind == Kind.LEADERSHIP_COACHING:
        if not is_leader(actor):
            raise PermissionDenied
        coachee = staff_of(actor)
        entity = coachee.entity
    elif kind in Kind.values:
        if entity is None:
            errors["entity"] = _("Choose the entity the support is for.")
        elif not requestable_entities(actor).filter(pk=entity.pk).exists():
            errors["entity"] = _("You cannot ask support for this entity.")
    if errors:
        raise ValidationError(errors)
    pool = Pool.objects.filter(kind=SupportRequest.POOL_KIND[kind]).order_by("id").first()
    if pool is None:
        raise ValidationError({"kind": _("There is no pool for this kind of support yet.")})
    request = SupportRequest.objects.create(
        pool=pool,
        kind=kind,
        entity=entity,
        requested_by=actor,
        coachee=coachee,
        description=description.strip(),
        estimated_hours=estimated_hours,
        wanted_from=wanted_from,
        wanted_until=wanted_until,
    )
    audit_record(
        actor=actor,
        action="telework.pool_request.created",
        target=request,
        staff=coachee,
        entity=entity,
        after={"kind": kind, "pool": pool.pk, "estimated_hours": estimated_hours},
    )
    job_enqueue("telework.pools.tasks.notify_support_requested", request.pk)
    return request


@transaction.atomic
def support_request_assign(
    *, request_id: int, member_id: int, hours: int, period_start: date, period_end: date, actor
) -> PoolAssignment:
    """The coordinator assigns a member whose remaining yearly budget covers the hours."""
    request = _request_lock(request_id)
    if not can_coordinate_pool(user=actor, pool_id=request.pool_id):
        raise PermissionDenied
    if request.status != Status.OPEN:
        raise ValidationError(_("Only an open request can be assigned."))
    errors = {}
    if hours is None or hours < 1:
        errors["hours"] = _("Assign at least one hour.")
    if period_end < period_start:
        errors["period_end"] = _("The end cannot be before the start.")
    elif period_end.year != period_start.year:
        errors["period_end"] = _("An assignment stays within one calendar year (the budget period).")
    if errors:
        raise ValidationError(errors)
    target = PoolMember.objects.filter(pk=member_id, pool_id=request.pool_id).values_list("staff_id", flat=True).first()
    if target is None:
        raise ValidationError({"member": _("Choose a member of this pool.")})
    # Lock every membership of this person (coach and facilitator pools share one budget), in a fixed order,
    # so two coordinators assigning the same person at once queue up and the second sees the first's hours.
    memberships = list(
        PoolMember.objects.select_for_update(of=("self",))
        .select_related("staff")
        .filter(staff_id=target)
        .order_by("pk")
    )
    member = next((m for m in memberships if m.pk == member_id), None)
    if member is None:
        raise ValidationError({"member": _("Choose a member of this pool.")})
    if not member.is_active or not member.staff.is_active:
        raise ValidationError({"member": _("This member is not active in the pool.")})
    if member.certified_on is None or member.certified_on > period_start:
        raise ValidationError({"member": _("This member is not certified for this period.")})
    if request.coachee_id is not None and member.staff_id == request.coachee_id:
        raise ValidationError({"member": _("Nobody can coach themselves.")})
    rule = budget_rule(year=period_start.year)
    budget = rule.budget_for(member.staff.working_time_fraction)
    used = staff_hours_used(staff_id=member.staff_id, year=period_start.year)
    if used + hours > budget:
        raise ValidationError(
            {
                "hours": _("Only %(remaining)s of %(budget)s hours remain in %(year)s for this member.")
                % {"remaining": max(budget - used, 0), "budget": budget, "year": period_start.year}
            }
        )
    assignment = PoolAssignment.objects.create(
        request=request,
        member=member,
        hours=hours,
        period_start=period_start,
        period_end=period_end,
        assigned_by=actor,
    )
    request.status = Status.ASSIGNED
    request.decided_by, request.decided_at = actor, timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action="telework.pool_request.assigned",
        target=request,
        staff=member.staff,
        entity=request.entity,
        before={"status": Status.OPEN},
        after={"status": Status.ASSIGNED, "member": member.pk, "hours": hours, "year": period_start.year},
        parameters={**rule.parameters(), "budget": budget, "used_before": used},
    )
    job_enqueue("telework.pools.tasks.notify_assignment_created", assignment.pk)
    return assignment


@transaction.atomic
def support_request_decline(*, request_id: int, actor, reason: str) -> SupportRequest:
    request = _request_lock(request_id)
    if not can_coordinate_pool(user=actor, pool_id=request.pool_id):
        raise PermissionDenied
    if request.status != Status.OPEN:
        raise ValidationError(_("Only an open request can be declined."))
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give the requester a reason.")})
    request.status = Status.DECLINED
    request.decided_by, request.decided_at, request.decision_note = actor, timezone.now(), reason.strip()
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit_record(
        actor=actor,
        action="telework.pool_request.declined",
        target=request,
        entity=request.entity,
        before={"status": Status.OPEN},
        after={"status": Status.DECLINED},
        note=request.decision_note,
    )
    job_enqueue("telework.pools.tasks.notify_request_declined", request.pk)
    return request


@transaction.atomic
def support_request_cancel(*, request_id: int, actor) -> SupportRequest:
    request = _request_lock(request_id)
    if request.requested_by_id != actor.pk:
        raise PermissionDenied
    if request.status != Status.OPEN:
        raise ValidationError(_("Only an open request can be withdrawn."))
    request.status = Status.CANCELLED
    request.decided_by, request.decided_at = actor, timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=actor,
        action="telework.pool_request.cancelled",
        target=request,
        entity=request.entity,
        before={"status": Status.OPEN},
        after={"status": Status.CANCELLED},
    )
    return request


@transaction.atomic
def pool_assignment_complete(*, assignment_id: int, actor) -> PoolAssignment:
    """The member (or the coordinator) closes an assignment; its hours stay counted in the budget."""
    assignment = PoolAssignment.objects.select_for_update().select_related("member__staff").get(pk=assignment_id)
    me = staff_of(actor)
    is_member = me is not None and assignment.member.staff_id == me.pk
    if not (is_member or can_coordinate_pool(user=actor, pool_id=assignment.member.pool_id)):
        raise PermissionDenied
    if assignment.status != PoolAssignment.Status.ACTIVE:
        raise ValidationError(_("This assignment is already completed."))
    assignment.status = PoolAssignment.Status.COMPLETED
    assignment.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="telework.pool_assignment.completed",
        target=assignment,
        staff=assignment.member.staff,
        before={"status": PoolAssignment.Status.ACTIVE},
        after={"status": PoolAssignment.Status.COMPLETED},
    )
    return assignment


@transaction.atomic
def pool_member_save(
    *,
    actor,
    pool: Pool,
    staff: Staff,
    certified_on: date | None,
    is_active: bool,
    is_coordinator: bool,
) -> PoolMember:
    """Central HR adds a member or changes one; naming a new coordinator relieves the previous one."""
    if not can_manage_pools(actor):
        raise PermissionDenied
    if is_coordinator and (not is_active or certified_on is None):
        raise ValidationError({"is_coordinator": _("The coordinator must be an active, certified member.")})
    if is_coordinator and not staff.is_active:
        raise ValidationError({"staff": _("This person is no longer in service.")})
    # Lock the pool's members: the one-coordinator rule is checked and changed in one go.
    members = list(PoolMember.objects.select_for_update().filter(pool=pool))
    member = next((m for m in members if m.staff_id == staff.pk), None)
    before = None
    if member is not None:
        before = {
            "certified_on": member.certified_on,
            "is_active": member.is_active,
            "coordinator": member.is_coordinator,
        }
    if is_coordinator:
        for other in members:
            if other.is_coordinator and other.staff_id != staff.pk:
                other.is_coordinator = False
                other.save(update_fields=["is_coordinator"])
                audit_record(
                    actor=actor,
                    action="telework.pool_member.coordinator_relieved",
                    target=other,
                    staff=other.staff,
                    before={"coordinator": True},
                    after={"coordinator": False},
                )
    if member is None:
        member = PoolMember(pool=pool, staff=staff)
    member.certified_on, member.is_active, member.is_coordinator = certified_on, is_active, is_coordinator
    # The lock above holds no row when the pool (or this person in it) is new: two officers adding the same
    # person at once meet at the unique constraint, and the second gets a clear message.
    with unique_or_invalid(
        _("This person was just added to the pool by someone else; reload the page."), field="staff"
    ):
        member.save()
    audit_record(
        actor=actor,
        action="telework.pool_member.saved",
        target=member,
        staff=staff,
        before=before,
        after={"certified_on": certified_on, "is_active": is_active, "coordinator": is_coordinator},
    )
    return member
