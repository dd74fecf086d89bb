"""Demo records of recognised experience (called from reward/demo.py):
- demo-staff: a decided request (private experience beyond the old 9-year cap, a public period not relevant);
- demo-manager: a request of a team member waiting for the judgement of relevance;
- demo-hr: a judged request of the entity waiting for HR's decision."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from hrportal.models import Staff, User
from hrportal.parameters.selectors import snapshot
from reward.experience.models import ExperiencePeriod, ExperienceRequest
from reward.experience.selectors import CAP_KEYS

Sector = ExperiencePeriod.Sector


def _periods(request, rows):
    return [
        ExperiencePeriod(
            request=request,
            employer=e,
            sector=s,
            job=j,
            start=a,
            end=b,
            part_time_fraction=Decimal(f),
            relevant=r,
            recognised=c,
        )
        for e, s, j, a, b, f, r, c in rows
    ]


def seed_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-manager", "demo-hr"])}
    if len(users) < 3:
        return
    member = Staff.objects.get(user=users["demo-staff"])
    manager = Staff.objects.get(user=users["demo-manager"])
    hr = Staff.objects.get(user=users["demo-hr"])
    start = member.service_start
    decided = ExperienceRequest.objects.create(
        staff=member,
        status=ExperienceRequest.Status.DECIDED,
        note="Ervaring voor mijn indiensttreding.",
        judged_by=users["demo-manager"],
        judged_at=timezone.now() - timedelta(days=40),
        decided_by=users["demo-hr"],
        decided_on=today - timedelta(days=30),
        pro_rata=True,
        parameters=snapshot(CAP_KEYS, on=today - timedelta(days=30)),
    )
    rows = [
        (
            "Boekhoudkantoor Claes",
            Sector.PRIVATE,
            "Boekhouder",
            start - timedelta(days=11 * 365),
            start - timedelta(days=366),
            "1",
            True,
            True,
        ),
        (
            "Eigen zaak",
            Sector.SELF_EMPLOYED,
            "Zelfstandig adviseur",
            start - timedelta(days=365),
            start - timedelta(days=1),
            "0.5",
            True,
            True,
        ),
        (
            "Gemeente Lier",
            Sector.PUBLIC,
            "Loketbediende",
            start - timedelta(days=14 * 365),
            start - timedelta(days=11 * 365 + 1),
            "1",
            False,
            False,
        ),
    ]
    periods = _periods(decided, rows)
    team = list(
        Staff.objects.filter(line_manager__line_manager=manager, is_active=True)
        .exclude(pk__in=[member.pk, hr.pk])
        .order_by("id")[:2]
    )
    for index, person in enumerate(team):
        judged = index == 1
        request = ExperienceRequest.objects.create(
            staff=person,
            status=ExperienceRequest.Status.JUDGED if judged else ExperienceRequest.Status.SUBMITTED,
            note="Graag erkenning van mijn ervaring in de privésector.",
            judged_by=users["demo-manager"] if judged else None,
            judged_at=timezone.now() - timedelta(days=2) if judged else None,
        )
        s = person.service_start
        periods += _periods(
            request,
            [
                (
                    "Ingenieursbureau Verbeke",
                    Sector.PRIVATE,
                    "Projectingenieur",
                    s - timedelta(days=6 * 365),
                    s - timedelta(days=1),
                    "1",
                    True if judged else None,
                    True if judged else None,
                ),
                (
                    "Stad Antwerpen",
                    Sector.PUBLIC,
                    "Medewerker",
                    s - timedelta(days=9 * 365),
                    s - timedelta(days=6 * 365 + 1),
                    "0.8",
                    False if judged else None,
                    False if judged else None,
                ),
            ],
        )
    ExperiencePeriod.objects.bulk_create(periods)
    out.write(f"reward experience: {1 + len(team)} requests.")
