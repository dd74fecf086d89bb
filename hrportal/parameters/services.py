from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import date_check_bounds, unique_or_invalid
from hrportal.parameters.models import PolicyParameter
from hrportal.parameters.selectors import _spec, parameter

ALREADY_RECORDED = _(
    "A value from this date is already recorded. To change it, correct it: give the reason for the correction."
)


def _value_check(spec, value) -> None:
    if type(spec.default) is int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise ValidationError({"value": _("This parameter takes a whole number.")})
    if isinstance(value, int | float) and not (spec.minimum <= value <= spec.maximum):
        raise ValidationError(
            {
                "value": _("Enter a value from %(minimum)s to %(maximum)s %(unit)s.")
                % {"minimum": spec.minimum, "maximum": spec.maximum, "unit": spec.unit}
            }
        )


@transaction.atomic
def parameter_set(
    *,
    key: str,
    value,
    valid_from: date,
    actor,
    legal_basis: str = "",
    correction_reason: str = "",
    today: date | None = None,
) -> PolicyParameter:
    """Record the value of `key` in force from `valid_from` on.

    - The value lies in the parameter's range (catalogue).
    - A value may start before the day it is entered (amendments are often published after their
      effective date), but only with its legal basis. Decisions already taken keep the values they
      recorded; those taken from `valid_from` on that used another value are listed for HR to review
      (`hrportal.parameters.selectors.parameter_decisions_to_review`).
    - One value per key and date: a second one is refused, unless it is an explicit correction with a
      reason (audited as such, with the value it replaces).
    """
    spec = _spec(key)
    today = today or timezone.localdate()
    _value_check(spec, value)
    date_check_bounds(field="valid_from", value=valid_from)
    legal_basis, correction_reason = (legal_basis or "").strip(), (correction_reason or "").strip()
    if valid_from < today and not legal_basis:
        raise ValidationError(
            {"legal_basis": _("A value that starts in the past needs its legal basis (the text that sets it).")}
        )
    existing = PolicyParameter.objects.select_for_update().filter(key=key, valid_from=valid_from).first()
    if existing is not None:
        if not correction_reason:
            raise ValidationError({"valid_from": ALREADY_RECORDED})
        return _parameter_correct(existing, value=value, legal_basis=legal_basis, reason=correction_reason, actor=actor)
    before = parameter(key, on=valid_from)
    with unique_or_invalid(ALREADY_RECORDED, field="valid_from"):
        obj = PolicyParameter.objects.create(
            key=key, value=value, valid_from=valid_from, legal_basis=legal_basis, created_by=actor
        )
    audit_record(
        actor=actor,
        action="parameter.set",
        target=obj,
        before={"value": before},
        after={"value": value, "valid_from": valid_from.isoformat(), "retroactive": valid_from < today},
        note=legal_basis,
    )
    return obj


def _parameter_correct(existing: PolicyParameter, *, value, legal_basis: str, reason: str, actor) -> PolicyParameter:
    before = {"value": existing.value, "legal_basis": existing.legal_basis}
    existing.value = value
    existing.legal_basis = legal_basis or existing.legal_basis
    existing.created_by = actor
    existing.save(update_fields=["value", "legal_basis", "created_by"])
    audit_record(
        actor=actor,
        action="parameter.corrected",
        target=existing,
        before=before,
        after={"value": value, "valid_from": existing.valid_from.isoformat(), "legal_basis": existing.legal_basis},
        note=reason,
    )
    return existing
