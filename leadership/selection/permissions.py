"""Who may run middle-management selections and follow probations."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, staff_scope_q
from leadership.selection.models import Probation, Selection


def can_run_selections(user) -> bool:
    """HR officers (for their entities) and central HR."""
    return sees_everything(user) or Role.HR in roles_of(user)


def selection_scope_q(user) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    if sees_everything(user):
        return Q()
    if Role.HR in roles_of(user):
        return Q(entity_id__in=hr_entity_ids(user))
    return Q(pk__in=[])


def selections_visible_to(user) -> QuerySet[Selection]:
    return Selection.objects.filter(selection_scope_q(user))


def selection_get_visible(*, user, selection_id) -> Selection:
    try:
        return selections_visible_to(user).select_related("entity").get(pk=selection_id)
    except (Selection.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def probations_visible_to(user) -> QuerySet[Probation]:
    """The leader themselves, their line managers (team scope) and HR of their entity."""
    return Probation.objects.filter(staff_scope_q(user, prefix="staff__"))


def probation_get_visible(*, user, probation_id) -> Probation:
    try:
        return probations_visible_to(user).select_related("staff", "staff__entity", "evaluated_by").get(pk=probation_id)
    except (Probation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_evaluate_probation(*, user, probation: Probation) -> bool:
    """The leader's line manager (direct or higher up) or HR of their entity; never the leader themselves."""
    me = staff_of(user)
    if me is not None and me.pk == probation.staff_id:
        return False
    return can_manage_staff(user=user, staff=probation.staff) or can_work_hr_case(user=user, staff=probation.staff)
