"""Evaluation cases are HR's: HR of the person's entity and central HR; the person sees their own."""

from django.db.models import Q, QuerySet
from django.http import Http404

from deployability.evaluations.models import EvaluationCase
from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything, staff_of
from hrportal.scoping import can_work_hr_case, staff_subquery_q


def case_scope_q(user) -> Q:
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


def cases_visible_to(user) -> QuerySet[EvaluationCase]:
    return EvaluationCase.objects.filter(case_scope_q(user))


def case_get_visible(*, user, case_id) -> EvaluationCase:
    try:
        return cases_visible_to(user).select_related("staff__entity", "evaluation", "trajectory").get(pk=case_id)
    except (EvaluationCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_work_case(*, user, case: EvaluationCase) -> bool:
    return can_work_hr_case(user=user, staff=case.staff)


def works_cases(user) -> bool:
    return user.is_authenticated and (sees_everything(user) or Role.HR in roles_of(user))
