"""Who sees and decides which leave requests: built on hrportal.scoping."""

from django.db.models import QuerySet
from django.http import Http404

from deployability.leave.models import LeaveRequest
from hrportal.roles import Role, roles_of, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, staff_scope_q


def leave_requests_visible_to(user) -> QuerySet[LeaveRequest]:
    """Own requests; a manager's team (direct and indirect); an HR officer's entities; all for central HR."""
    return LeaveRequest.objects.filter(staff_scope_q(user, prefix="staff__"))


def leave_request_get_visible(*, user, request_id) -> LeaveRequest:
    try:
        return (
            leave_requests_visible_to(user)
            .select_related("staff__entity", "staff__line_manager", "right", "decided_by")
            .get(pk=request_id)
        )
    except (LeaveRequest.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def is_owner(*, user, leave: LeaveRequest) -> bool:
    me = staff_of(user)
    return me is not None and me.pk == leave.staff_id


def can_decide_leave(*, user, leave: LeaveRequest) -> bool:
    """The line manager (direct or higher up) decides; someone without a line manager has HR of the
    entity decide. Never the person themselves."""
    if is_owner(user=user, leave=leave):
        return False
    if can_manage_staff(user=user, staff=leave.staff):
        return True
    return leave.staff.line_manager_id is None and can_work_hr_case(user=user, staff=leave.staff)


def sees_team_calendar(user) -> bool:
    return Role.MANAGER in roles_of(user)
