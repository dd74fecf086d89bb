"""Who sees and works re-integration cases. Medical details: hrportal.scoping.can_see_medical."""

from django.db.models import Q, QuerySet
from django.http import Http404

from deployability.reintegration.models import ReintegrationCase
from hrportal.models import Staff
from hrportal.roles import Role, hr_entity_ids, roles_of, staff_of
from hrportal.scoping import can_see_medical, staff_scope_q


def cases_visible_to(user) -> QuerySet[ReintegrationCase]:
    """The person's own case; cases they are on the team of; a manager's team (without medical details);
    an HR officer's entities; every case for central HR (figures, without medical details)."""
    if not user.is_authenticated:
        return ReintegrationCase.objects.none()
    q = staff_scope_q(user, prefix="staff__")
    me = staff_of(user)
    if me is not None:
        q |= Q(pk__in=ReintegrationCase.objects.filter(team__staff=me).values("pk"))
    return ReintegrationCase.objects.filter(q)


def case_get_visible(*, user, case_id) -> ReintegrationCase:
    try:
        return (
            cases_visible_to(user).select_related("staff__entity", "staff__line_manager", "opened_by").get(pk=case_id)
        )
    except (ReintegrationCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def team_staff_ids(case: ReintegrationCase) -> list[int]:
    cached = getattr(case, "_team_staff_ids", None)
    if cached is None:
        cached = list(case.team.values_list("staff_id", flat=True))
        case._team_staff_ids = cached
    return cached


def sees_medical(*, user, case: ReintegrationCase) -> bool:
    return can_see_medical(user=user, staff=case.staff, team_staff_ids=team_staff_ids(case))


def can_work_case(*, user, case: ReintegrationCase) -> bool:
    """The team and HR of the person's entity record steps, notes, team members and the outcome."""
    me = staff_of(user)
    if me is not None and me.pk == case.staff_id:
        return False
    if me is not None and me.pk in team_staff_ids(case):
        return True
    return Role.HR in roles_of(user) and case.staff.entity_id in hr_entity_ids(user)


def can_open_case(*, user, staff: Staff) -> bool:
    """HR officers of the person's entity open a case (never for themselves)."""
    me = staff_of(user)
    if me is not None and me.pk == staff.pk:
        return False
    return Role.HR in roles_of(user) and staff.entity_id in hr_entity_ids(user)


def is_case_officer(user) -> bool:
    return Role.HR in roles_of(user)
