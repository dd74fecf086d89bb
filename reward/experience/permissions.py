"""Who sees and decides on experience requests. The request's periods are for the person, their line
managers (who judge relevance) and HR of their entity; the recognised seniority is pay-like data: the person
and HR only (hrportal.scoping.can_see_pay)."""

from django.db.models import QuerySet
from django.http import Http404

from hrportal.roles import Role, roles_of, staff_of
from hrportal.scoping import can_manage_staff, can_see_pay, can_work_hr_case, staff_get_visible, staff_scope_q
from reward.experience.models import ExperienceRequest


def requests_visible_to(user) -> QuerySet[ExperienceRequest]:
    if not user.is_authenticated:
        return ExperienceRequest.objects.none()
    return ExperienceRequest.objects.filter(staff_scope_q(user, prefix="staff__"))


def request_get_visible(*, user, request_id) -> ExperienceRequest:
    try:
        return requests_visible_to(user).select_related("staff__entity", "staff__line_manager").get(pk=request_id)
    except (ExperienceRequest.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_judge_request(*, user, request: ExperienceRequest) -> bool:
    return can_manage_staff(user=user, staff=request.staff)


def can_decide_request(*, user, request: ExperienceRequest) -> bool:
    me = staff_of(user)
    if me is not None and me.pk == request.staff_id:
        return False
    return can_work_hr_case(user=user, staff=request.staff)


def is_hr(user) -> bool:
    return bool(roles_of(user) & {Role.HR, Role.CENTRAL, Role.ADMIN})


def staff_get_for_experience(*, user, staff_id):
    """A person whose recognised experience `user` may read: 404 outside the scope or without pay rights."""
    staff = staff_get_visible(user=user, staff_id=staff_id)
    if not can_see_pay(user=user, staff=staff):
        raise Http404
    return staff
