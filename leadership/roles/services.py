from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import unique_or_invalid
from hrportal.models import Competency
from leadership.roles.models import LeadershipRole, ManagementLevel, ProfileRequirement
from leadership.roles.permissions import can_maintain_profiles


@transaction.atomic
def profile_requirement_set(
    *, actor, role: str, tier: str, competency: Competency, required_level: int | None, valid_from: date
) -> ProfileRequirement | None:
    """Central HR sets (or, with no level, drops) a competency in a role's profile for a tier from a date on.
    The line in force is closed the day before; a line set for a later date cannot be overtaken."""
    if not can_maintain_profiles(actor):
        raise PermissionDenied
    errors = {}
    if role not in LeadershipRole.values:
        errors["role"] = _("Choose a role.")
    if tier not in ManagementLevel.values:
        errors["tier"] = _("Choose a management tier.")
    if required_level is not None and not 1 <= required_level <= 4:
        errors["required_level"] = _("A level lies between 1 and 4.")
    if valid_from is None:
        errors["valid_from"] = _("Give the date the profile is in force from.")
    if errors:
        raise ValidationError(errors)
    lines = list(ProfileRequirement.objects.select_for_update().filter(role=role, tier=tier, competency=competency))
    if any(line.valid_from >= valid_from for line in lines):
        raise ValidationError(
            {
                "valid_from": _(
                    "This competency already has a profile line from this date or later; choose a later date."
                )
            }
        )
    current = next((line for line in lines if line.valid_until is None), None)
    before = None
    if current is not None:
        before = {"required_level": current.required_level, "valid_from": current.valid_from}
        current.valid_until = valid_from
        current.save(update_fields=["valid_until"])
    elif required_level is None:
        raise ValidationError({"required_level": _("This competency is not in the profile.")})
    created = None
    if required_level is not None:
        created = ProfileRequirement(
            role=role,
            tier=tier,
            competency=competency,
            required_level=required_level,
            valid_from=valid_from,
            created_by=actor,
        )
        with unique_or_invalid(_("Someone else just changed this profile line; reload the page."), field="valid_from"):
            created.save()
    audit_record(
        actor=actor,
        action="leadership.profile.changed",
        target=created or current,
        before=before,
        after={
            "role": role,
            "tier": tier,
            "competency": competency.code,
            "required_level": required_level,
            "valid_from": valid_from,
            "previous_until": (valid_from - timedelta(days=1)) if current else None,
        },
    )
    return created
