from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.models import Entity, Staff
from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, hr_entities_of, staff_scope_q
from telework.models import TeleworkAgreement


def governing_entity_id(entity_id: int, parents: dict[int, tuple[int | None, str]]) -> int:
    """The entity whose telework policy applies: a division belongs to the entity above it."""
    current = entity_id
    while parents.get(current, (None, ""))[1] == Entity.Kind.DIVISION and parents[current][0] is not None:
        current = parents[current][0]
    return current


def governing_entity_of(staff: Staff) -> Entity:
    entity = staff.entity
    while entity.kind == Entity.Kind.DIVISION and entity.parent_id is not None:
        entity = Entity.objects.get(pk=entity.parent_id)
    return entity


def agreements_visible_to(user) -> QuerySet[TeleworkAgreement]:
    """Own agreements; a manager's team; an HR officer's entities; everything for central HR."""
    return TeleworkAgreement.objects.filter(staff_scope_q(user, prefix="staff__"))


def agreement_get_visible(*, user, agreement_id) -> TeleworkAgreement:
    try:
        return (
            agreements_visible_to(user)
            .select_related("staff__entity", "staff__function", "staff__line_manager", "supersedes")
            .get(pk=agreement_id)
        )
    except (TeleworkAgreement.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_decide_agreement(*, user, agreement: TeleworkAgreement) -> bool:
    """The staff member's line manager, direct or higher up, decides; never the person themselves."""
    return can_manage_staff(user=user, staff=agreement.staff)


def is_owner(*, user, agreement: TeleworkAgreement) -> bool:
    me = staff_of(user)
    return me is not None and me.pk == agreement.staff_id


def can_end_agreement(*, user, agreement: TeleworkAgreement) -> bool:
    return is_owner(user=user, agreement=agreement) or can_decide_agreement(user=user, agreement=agreement)


def can_record_explanation(*, user, entity: Entity) -> bool:
    """HR officers record comply-or-explain for their entities; central HR for all."""
    if sees_everything(user):
        return True
    return Role.HR in roles_of(user) and hr_entities_of(user).filter(pk=entity.pk).exists()


def sees_register(user) -> bool:
    return bool(roles_of(user) & {Role.HR, Role.CENTRAL, Role.ADMIN})


def register_entities_for(user) -> QuerySet[Entity]:
    """Entities (not divisions, not policy domains) whose comply-or-explain state the user sees: HR's
    entities, and for an HR officer of a division the entity it belongs to (read only: recording stays
    with the entity's own HR, `can_record_explanation`)."""
    scope = hr_entities_of(user)
    return Entity.objects.filter(kind=Entity.Kind.ENTITY).filter(
        Q(pk__in=scope.values("pk")) | Q(pk__in=scope.filter(kind=Entity.Kind.DIVISION).values("parent_id"))
    )


def occupancy_entity_ids_for(user) -> set[int] | None:
    """Entities whose occupancy the user sees (None: all). Own entity for staff and managers; HR's entities."""
    if sees_everything(user):
        return None
    ids = set()
    me = staff_of(user)
    if me is not None:
        ids.add(governing_entity_of(me).pk)
    if Role.HR in roles_of(user):  # an HR officer of a division sees the entity it belongs to
        for pk, kind, parent_id in hr_entities_of(user).values_list("pk", "kind", "parent_id"):
            ids.add(parent_id if kind == Entity.Kind.DIVISION and parent_id else pk)
    return ids
