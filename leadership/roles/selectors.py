from datetime import date

from django.db.models import Q, QuerySet

from hrportal.models import Staff, StaffCompetency
from leadership.roles.models import LeadershipRole, ManagementLevel, ProfileRequirement

TIER_OF_STAFF = {Staff.Tier.TOP: ManagementLevel.TOP, Staff.Tier.MIDDLE: ManagementLevel.MIDDLE}


def in_force_q(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_until__isnull=True) | Q(valid_until__gt=on))


def profile_lines(*, on: date, role: str | None = None, tier: str | None = None) -> QuerySet[ProfileRequirement]:
    rows = ProfileRequirement.objects.filter(in_force_q(on)).select_related("competency")
    if role:
        rows = rows.filter(role=role)
    if tier:
        rows = rows.filter(tier=tier)
    return rows.order_by("role", "tier", "competency__name")


def profile_history(*, role: str, tier: str) -> QuerySet[ProfileRequirement]:
    return (
        ProfileRequirement.objects.filter(role=role, tier=tier)
        .select_related("competency", "created_by")
        .order_by("competency__name", "-valid_from")
    )


def profiles_overview(*, on: date) -> list[dict]:
    """Per role and tier, the profile in force on `on` (one query)."""
    grouped: dict[tuple[str, str], list] = {}
    for line in profile_lines(on=on):
        grouped.setdefault((line.role, line.tier), []).append(line)
    return [
        {
            "role": role,
            "role_label": role_label,
            "tier": tier,
            "tier_label": tier_label,
            "lines": grouped.get((role, tier), []),
        }
        for role, role_label in LeadershipRole.choices
        for tier, tier_label in ManagementLevel.choices
    ]


def tier_for(staff: Staff) -> str:
    """The management tier whose profiles apply to `staff`: their own, else lower management."""
    return TIER_OF_STAFF.get(staff.management_tier, ManagementLevel.LOWER)


def staff_against_profiles(*, staff: Staff, on: date, tier: str | None = None) -> list[dict]:
    """For each of the four roles: every required competency with the person's level and whether it meets
    the requirement (two queries)."""
    tier = tier or tier_for(staff)
    levels = dict(StaffCompetency.objects.filter(staff=staff).values_list("competency_id", "level"))
    lines = list(profile_lines(on=on, tier=tier))
    result = []
    for role, label in LeadershipRole.choices:
        rows = [
            {
                "competency": line.competency,
                "required": line.required_level,
                "actual": levels.get(line.competency_id),
                "meets": levels.get(line.competency_id, 0) >= line.required_level,
            }
            for line in lines
            if line.role == role
        ]
        result.append(
            {"role": role, "label": label, "rows": rows, "met": sum(r["meets"] for r in rows), "total": len(rows)}
        )
    return result
