from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hrportal.audit.services import audit_record
from hrportal.models import Competency, Staff, StaffCompetency, StaffLanguage
from hrportal.scoping import can_edit_profile


def _profile_state(staff: Staff) -> dict:
    return {
        "languages": sorted(staff.languages.values_list("language", "proficiency")),
        "competencies": sorted(staff.competencies.values_list("competency__code", "level")),
    }


@transaction.atomic
def staff_profile_update(
    *, staff_id: int, actor, languages: list[tuple[str, str]], competencies: list[tuple[int, int]]
) -> Staff:
    """Replace a staff member's languages and competencies (with levels) as one change, audited."""
    staff = Staff.objects.select_for_update().select_related("entity").get(pk=staff_id)
    if not can_edit_profile(user=actor, staff=staff):
        raise PermissionDenied
    errors = {}
    language_codes = [code for code, _level in languages]
    if len(set(language_codes)) != len(language_codes):
        errors["languages"] = _("Each language may be listed once.")
    competency_ids = [cid for cid, _level in competencies]
    if len(set(competency_ids)) != len(competency_ids):
        errors["competencies"] = _("Each competency may be listed once.")
    elif Competency.objects.filter(pk__in=competency_ids).count() != len(competency_ids):
        errors["competencies"] = _("Unknown competency.")
    if any(not 1 <= level <= 4 for _cid, level in competencies):
        errors["competencies"] = _("A competency level is between 1 and 4.")
    valid_languages = set(StaffLanguage.Language.values)
    valid_proficiencies = set(StaffLanguage.Proficiency.values)
    if any(c not in valid_languages or p not in valid_proficiencies for c, p in languages):
        errors["languages"] = _("Unknown language or proficiency.")
    if errors:
        raise ValidationError(errors)

    before = _profile_state(staff)
    staff.languages.all().delete()
    StaffLanguage.objects.bulk_create(
        StaffLanguage(staff=staff, language=code, proficiency=level) for code, level in languages
    )
    staff.competencies.all().delete()
    StaffCompetency.objects.bulk_create(
        StaffCompetency(staff=staff, competency_id=cid, level=level) for cid, level in competencies
    )
    audit_record(
        actor=actor,
        action="staff.profile_updated",
        target=staff,
        staff=staff,
        before=before,
        after=_profile_state(staff),
    )
    return staff
