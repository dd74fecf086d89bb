"""Assessment results are personal: the person and HR, no one else (hrportal.scoping.can_see_assessment)."""

from django.db.models import QuerySet
from django.http import Http404

from hrportal.roles import Role, roles_of, sees_everything
from hrportal.scoping import assessment_scope_q, can_work_hr_case
from leadership.potential.models import Assessment


def can_record_assessments(user) -> bool:
    return sees_everything(user) or Role.HR in roles_of(user)


def can_record_assessment_of(*, user, staff) -> bool:
    return can_work_hr_case(user=user, staff=staff)


def can_see_talent_pool(user) -> bool:
    """HR (their entities' people) and central HR (everyone)."""
    return can_record_assessments(user)


def assessments_visible_to(user) -> QuerySet[Assessment]:
    return Assessment.objects.filter(assessment_scope_q(user))


def assessment_get_visible(*, user, assessment_id) -> Assessment:
    try:
        return (
            assessments_visible_to(user).select_related("staff", "staff__entity", "recorded_by").get(pk=assessment_id)
        )
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
