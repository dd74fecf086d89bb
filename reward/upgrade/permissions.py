"""Who may grant, extend and end a function-upgrade allowance, and who sees which allowance.

Built on hrportal.scoping: the line manager (direct or indirect) or HR of the holder's entity decides;
nobody decides on their own allowance; the holder, their HR and the managers of their team see it."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.models import Staff
from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, staff_scope_q
from reward.upgrade.models import UpgradeAllowance


def can_grant_upgrade(*, user, staff: Staff) -> bool:
    if not user.is_authenticated:
        return False
    me = staff_of(user)
    if me is not None and me.pk == staff.pk:
        return False
    return can_manage_staff(user=user, staff=staff) or can_work_hr_case(user=user, staff=staff)


def can_decide_upgrades(user) -> bool:
    """Does the user take upgrade decisions for anyone (managers and HR)?"""
    roles = roles_of(user)
    return bool(roles & {Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN})


def allowances_visible_to(user) -> QuerySet[UpgradeAllowance]:
    """The holder's own, their team's for a manager (who granted or may grant them), their entities' for HR."""
    if not user.is_authenticated:
        return UpgradeAllowance.objects.none()
    if sees_everything(user):
        return UpgradeAllowance.objects.all()
    return UpgradeAllowance.objects.filter(staff_scope_q(user, prefix="holder__") | Q(granted_by=user))


def allowances_decidable_by(user) -> QuerySet[UpgradeAllowance]:
    """The allowances whose holder the user may decide on: their team and HR entities, never their own."""
    qs = allowances_visible_to(user)
    me = staff_of(user)
    if me is not None:
        qs = qs.exclude(holder=me)
    return qs


def allowance_get_visible(*, user, allowance_id) -> UpgradeAllowance:
    try:
        return allowances_visible_to(user).select_related("holder", "function__family").get(pk=allowance_id)
    except (UpgradeAllowance.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
