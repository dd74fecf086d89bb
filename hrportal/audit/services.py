import json

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder

from hrportal.audit.models import AuditEvent


def _jsonable(data):
    return None if data is None else json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def audit_record(
    *, actor, action: str, target, staff=None, entity=None, before=None, after=None, parameters=None, note=""
) -> AuditEvent:
    """Write one audit event; call it inside the transaction of the change it describes."""
    if staff is not None and entity is None:
        entity = staff.entity
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_repr=str(target)[:255],
        staff=staff,
        entity=entity,
        before=_jsonable(before),
        after=_jsonable(after),
        parameters=_jsonable(parameters),
        note=note,
    )
