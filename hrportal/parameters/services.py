from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.parameters.models import PolicyParameter
from hrportal.parameters.selectors import _spec, parameter


@transaction.atomic
def parameter_set(*, key: str, value, valid_from: date, actor, legal_basis: str = "") -> PolicyParameter:
    spec = _spec(key)
    if type(spec.default) is int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise ValidationError({"value": _("This parameter takes a whole number.")})
    if isinstance(value, int | float) and value < 0:
        raise ValidationError({"value": _("The value cannot be negative.")})
    before = parameter(key, on=valid_from)
    obj, _created = PolicyParameter.objects.update_or_create(
        key=key,
        valid_from=valid_from,
        defaults={"value": value, "legal_basis": legal_basis, "created_by": actor},
    )
    audit_record(
        actor=actor,
        action="parameter.set",
        target=obj,
        before={"value": before},
        after={"value": value, "valid_from": valid_from.isoformat()},
        note=legal_basis,
    )
    return obj
