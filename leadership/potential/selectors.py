from django.db.models import OuterRef, QuerySet, Subquery

from hrportal.models import Staff
from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything
from leadership.potential.models import Assessment
from leadership.potential.permissions import assessments_visible_to

POOL_RESULTS = (Assessment.Result.POTENTIAL, Assessment.Result.DEVELOP)


def assessment_list(*, viewer) -> QuerySet[Assessment]:
    return assessments_visible_to(viewer).select_related("staff", "staff__entity").order_by("-assessed_on", "-id")


def own_assessments(*, staff) -> QuerySet[Assessment]:
    return Assessment.objects.filter(staff=staff).order_by("-assessed_on", "-id")


def talent_pool(*, viewer) -> QuerySet[Staff]:
    """Active staff whose latest assessment (any role) found potential, with that assessment's role, result
    and date; HR officers see their entities', central HR everyone's."""
    if sees_everything(viewer):
        staff = Staff.objects.all()
    elif Role.HR in roles_of(viewer):
        staff = Staff.objects.filter(entity_id__in=hr_entity_ids(viewer))
    else:
        return Staff.objects.none()
    latest = Assessment.objects.filter(staff=OuterRef("pk")).order_by("-assessed_on", "-id")
    # Only the assessed few (tens of 100,000) get the latest-assessment subqueries, not every active person.
    assessed = Assessment.objects.filter(result__in=POOL_RESULTS).values("staff_id")
    return (
        staff.filter(is_active=True, pk__in=assessed)
        .annotate(
            latest_result=Subquery(latest.values("result")[:1]),
            latest_role=Subquery(latest.values("role")[:1]),
            latest_on=Subquery(latest.values("assessed_on")[:1]),
            latest_id=Subquery(latest.values("pk")[:1]),
        )
        .filter(latest_result__in=POOL_RESULTS)
        .select_related("entity")
        .order_by("last_name", "first_name", "id")
    )
