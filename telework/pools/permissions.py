"""Who may request, assign and see what in the mobile pools."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.models import Entity, Staff
from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import hr_entities_of
from telework.models import PoolMember, SupportRequest


def is_leader(user) -> bool:
    """A line manager, or a member of staff in a management tier: may ask leadership coaching for themselves."""
    me = staff_of(user)
    if me is None or not me.is_active:
        return False
    return Role.MANAGER in roles_of(user) or me.management_tier != Staff.Tier.NONE


def coordinated_pool_ids(user) -> list[int]:
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_telework_coordinated_pools", None)
    if cached is None:
        cached = list(
            PoolMember.objects.filter(
                staff__user=user, staff__is_active=True, is_coordinator=True, is_active=True
            ).values_list("pool_id", flat=True)
        )
        user._telework_coordinated_pools = cached
    return cached


def can_coordinate_pool(*, user, pool_id: int) -> bool:
    return pool_id in coordinated_pool_ids(user)


def can_manage_pools(user) -> bool:
    """Central HR keeps the pools' member lists."""
    return sees_everything(user)


def requestable_entities(user) -> QuerySet[Entity]:
    """Entities `user` may ask team or process support for: a leader their own entity, HR officers theirs."""
    if sees_everything(user):
        return Entity.objects.all()
    q = Q(pk__in=[])
    me = staff_of(user)
    if me is not None and is_leader(user):
        q |= Q(pk=me.entity_id)
    if Role.HR in roles_of(user):
        q |= Q(pk__in=hr_entities_of(user).values("pk"))
    return Entity.objects.filter(q)


def can_request_support(user) -> bool:
    return is_leader(user) or Role.HR in roles_of(user) or sees_everything(user)


def support_request_scope_q(user) -> Q:
    """Requests `user` may see: their own, their pools' queue (coordinator), those assigned to them,
    their entities' (HR officer), everything (central HR)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if sees_everything(user):
        return Q()
    q = Q(requested_by=user)
    me = staff_of(user)
    if me is not None:
        q |= Q(coachee=me) | Q(assignment__member__staff=me)
    pools = coordinated_pool_ids(user)
    if pools:
        q |= Q(pool_id__in=pools)
    if Role.HR in roles_of(user):
        q |= Q(entity_id__in=hr_entities_of(user).values("pk"))
    return q


def support_requests_visible_to(user) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(support_request_scope_q(user)).distinct()


def support_request_get_visible(*, user, request_id) -> SupportRequest:
    try:
        return (
            support_requests_visible_to(user)
            .select_related("pool", "entity", "requested_by", "coachee", "assignment__member__staff", "decided_by")
            .get(pk=request_id)
        )
    except (SupportRequest.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
