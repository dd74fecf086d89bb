"""Who keeps the shortage list, who grants labour-market allowances, and who sees them.

Central HR keeps the list; HR of the entity (or central HR) grants and ends allowances; an allowance is pay,
so it is seen by the person, HR of their entity and central HR only (hrportal.scoping.can_see_pay) — not by
line managers."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.models import Staff
from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything, staff_of
from hrportal.scoping import can_work_hr_case, staff_subquery_q
from reward.labourmarket.models import LabourMarketAllowance


def can_keep_shortage_list(user) -> bool:
    return sees_everything(user)


def can_grant_allowances(user) -> bool:
    """HR officers (for their entities) and central HR."""
    return sees_everything(user) or Role.HR in roles_of(user)


def can_grant_to(*, user, staff: Staff) -> bool:
    return can_work_hr_case(user=user, staff=staff)


def allowance_scope_q(user) -> Q:
    """The person's own allowances; HR: their entities'; central HR: all. Line managers: only their own."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if sees_everything(user):
        return Q()
    staff = Q(pk__in=[])
    me = staff_of(user)
    if me is not None:
        staff |= Q(pk=me.pk)
    if Role.HR in roles_of(user):
        staff |= Q(entity_id__in=hr_entity_ids(user))
    return staff_subquery_q(staff, prefix="staff__")


def allowances_visible_to(user) -> QuerySet[LabourMarketAllowance]:
    return LabourMarketAllowance.objects.filter(allowance_scope_q(user))


def allowance_get_visible(*, user, allowance_id) -> LabourMarketAllowance:
    try:
        return (
            allowances_visible_to(user)
            .select_related("staff", "staff__entity", "listing__function", "granted_by")
            .get(pk=allowance_id)
        )
    except (LabourMarketAllowance.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
