from django.db.models import Q, QuerySet

from hrportal.audit.models import AuditEvent
from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything


def audit_events_visible_to(user) -> QuerySet[AuditEvent]:
    """HR reads the trail of its entities; central HR and admins read all of it; others nothing."""
    events = AuditEvent.objects.select_related("actor__staff", "staff", "entity", "target_type")
    if sees_everything(user):
        return events
    if Role.HR in roles_of(user):
        return events.filter(Q(entity_id__in=hr_entity_ids(user)))
    return events.none()


def can_read_audit(user) -> bool:
    return sees_everything(user) or Role.HR in roles_of(user)


PEOPLE_MAX = 5000  # a name that matches more people is no filter; the first ones are enough


def audit_events_filtered(*, viewer, filters: dict) -> QuerySet[AuditEvent]:
    """The viewer's trail narrowed by the filter form's cleaned values (person, entity, decision, actor,
    period). Entity includes its divisions."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from hrportal.filters import staff_search
    from hrportal.models import Staff
    from hrportal.scoping import entity_subtree_ids_sql

    events = audit_events_visible_to(viewer)
    if filters.get("staff"):
        events = events.filter(staff_id=filters["staff"])
    if filters.get("person"):
        # The ids first: the name search's raw SQL names the staff table, which a subquery would alias.
        people = list(staff_search(Staff.objects.all(), filters["person"]).values_list("pk", flat=True)[:PEOPLE_MAX])
        events = events.filter(staff_id__in=people)
    if filters.get("entity"):
        events = events.filter(entity_id__in=entity_subtree_ids_sql(filters["entity"].pk))
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("actor"):
        text = filters["actor"]
        users = get_user_model().objects.filter(
            Q(username__icontains=text)
            | Q(first_name__icontains=text)
            | Q(last_name__icontains=text)
            | Q(staff__first_name__icontains=text)
            | Q(staff__last_name__icontains=text)
        )
        events = events.filter(actor__in=users.values("pk"))
    tz = timezone.get_current_timezone()
    if filters.get("occurred_from"):
        start = timezone.datetime.combine(filters["occurred_from"], timezone.datetime.min.time(), tzinfo=tz)
        events = events.filter(occurred_at__gte=start)
    if filters.get("occurred_until"):
        end = timezone.datetime.combine(filters["occurred_until"], timezone.datetime.max.time(), tzinfo=tz)
        events = events.filter(occurred_at__lte=end)
    return events


def audit_events_described(events) -> list[dict]:
    """Each event in words for the page and the export: the decision, the person and entity, what changed
    with labels and display values, the rule values used. Related names are read in one query per model."""
    from hrportal.audit.registry import (
        describe_changes,
        describe_parameters,
        event_label,
        record_label,
        related_names,
    )

    events = list(events)
    related = related_names(events)
    return [
        {
            "event": event,
            "label": event_label(event.action),
            "record": record_label(event),
            "actor": _person_name(event.actor),
            "changes": describe_changes(
                action=event.action,
                model=event.target_type.model_class(),
                before=event.before,
                after=event.after,
                related=related,
            ),
            "parameters": describe_parameters(event.parameters),
        }
        for event in events
    ]


def _person_name(user) -> str | None:
    """People by name, never by user name where the portal knows the name."""
    if user is None:
        return None
    staff = getattr(user, "staff", None)
    return staff.full_name if staff is not None else (user.get_full_name() or user.username)
