from django.db.models import Q, QuerySet

from hrportal.audit.models import AuditEvent
from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    """HR reads the trail of its entities; central HR and admins read all of it; others nothing."""
    events = AuditEvent.objects.select_related("actor", "staff", "entity", "target_type")
    if sees_everything(user):
        return events
    if Role.HR in roles_of(user):
        return events.filter(Q(entity_id__in=hr_entity_ids(user)))
    return events.none()


def can_read_audit(user) -> bool:
    return sees_everything(user) or Role.HR in roles_of(user)
