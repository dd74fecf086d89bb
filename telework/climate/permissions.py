"""Who may open survey rounds and read which entities' innovation-climate results."""

from django.db.models import Q
from django.http import Http404

from hrportal.models import Entity
from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import hr_entities_of


def climate_entity_scope_q(user, *, prefix: str = "") -> Q:
    """Whose climate results `user` may read: every entity for central HR, an HR officer's entities, and
    everyone's own entity. Results are aggregated and small groups suppressed in every case."""
    if sees_everything(user):
        return Q()
    q = Q(**{f"{prefix}pk__in": []})
    me = staff_of(user)
    if me is not None:
        q |= Q(**{f"{prefix}pk": me.entity_id})
    if Role.HR in roles_of(user):
        q |= Q(**{f"{prefix}pk__in": hr_entities_of(user).values("pk")})
    return q


def climate_entity_get_visible(*, user, entity_id) -> Entity:
    try:
        return Entity.objects.filter(climate_entity_scope_q(user)).get(pk=entity_id)
    except (Entity.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_manage_climate(user) -> bool:
    return sees_everything(user)
