"""Demo role profiles: the four roles with required levels per management tier."""

from datetime import date

from hrportal.models import Competency, User
from leadership.roles.models import LeadershipRole, ManagementLevel, ProfileRequirement

PROFILE = {
    LeadershipRole.LEADER: ["visie", "richting-geven", "beslissen", "verantwoordelijkheid", "overtuigen"],
    LeadershipRole.MANAGER: ["plannen-organiseren", "delegeren", "voortgangscontrole", "resultaatgerichtheid"],
    LeadershipRole.COACH: ["coachen", "empathie", "communiceren", "samenwerken"],
    LeadershipRole.ENTREPRENEUR: ["innoveren", "initiatief", "netwerken", "klantgerichtheid"],
}
LEVEL = {ManagementLevel.TOP: 4, ManagementLevel.MIDDLE: 3, ManagementLevel.LOWER: 2}


def seed_demo(*, rng, today: date, out) -> None:
    central = User.objects.filter(username="demo-central").first()
    competencies = {c.code: c for c in Competency.objects.all()}
    lines = []
    for role, codes in PROFILE.items():
        for tier, level in LEVEL.items():
            for i, code in enumerate(codes):
                if code not in competencies:
                    continue
                required = max(1, level - (1 if i == len(codes) - 1 else 0))
                # A revision in 2020 raised the coaching requirement of middle management.
                if role == LeadershipRole.COACH and tier == ManagementLevel.MIDDLE and code == "coachen":
                    lines.append(
                        ProfileRequirement(
                            role=role,
                            tier=tier,
                            competency=competencies[code],
                            required_level=2,
                            valid_from=date(2013, 1, 1),
                            valid_until=date(2020, 1, 1),
                            created_by=central,
                        )
                    )
                    start = date(2020, 1, 1)
                else:
                    start = date(2013, 1, 1)
                lines.append(
                    ProfileRequirement(
                        role=role,
                        tier=tier,
                        competency=competencies[code],
                        required_level=required,
                        valid_from=start,
                        created_by=central,
                    )
                )
    ProfileRequirement.objects.bulk_create(lines)
    out.write(f"leadership roles: {len(lines)} profile lines.")
