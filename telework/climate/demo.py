"""Demo records of the innovation-climate survey (called from telework/demo.py)."""

from datetime import date

from django.db.models import Count

from hrportal.models import Staff, User
from telework.models import (
    ClimateParticipation,
    ClimateResponse,
    ClimateRound,
)

CLIMATE_ENTITIES = 10


def seed_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-").select_related("staff")}
    central = users.get("demo-central")
    if central is None or users.get("demo-manager") is None or users.get("demo-staff") is None:
        return
    reserved = {u.staff.pk for u in users.values() if hasattr(u, "staff")}
    _seed_climate(rng, today, central, reserved)


def _seed_climate(rng, today, central, reserved):
    survey, _created = ClimateRound.objects.get_or_create(
        year=today.year,
        defaults={"opens_on": date(today.year, 1, 1), "closes_on": date(today.year, 12, 31), "created_by": central},
    )
    entity_ids = list(
        Staff.objects.filter(is_active=True)
        .values("entity_id")
        .annotate(n=Count("id"))
        .filter(n__gte=3)
        .order_by("-n", "entity_id")
        .values_list("entity_id", flat=True)[:CLIMATE_ENTITIES]
    )
    central_entity = central.staff.entity_id
    if central_entity not in entity_ids:
        entity_ids.append(central_entity)
    staff_rows = list(
        Staff.objects.filter(entity_id__in=entity_ids, is_active=True)
        .exclude(pk__in=reserved)
        .order_by("id")
        .values_list("id", "entity_id")
    )
    by_entity: dict[int, list[int]] = {}
    for sid, eid in staff_rows:
        by_entity.setdefault(eid, []).append(sid)
    participations, responses = [], []
    # Most entities answer well; the smallest other than demo-central's (and demo-hr's) answers too little
    # and stays suppressed, so the results pages show both cases.
    small = min((e for e in by_entity if e != central_entity), key=lambda e: (len(by_entity[e]), e), default=None)
    for entity_id, ids in sorted(by_entity.items()):
        share = 0.15 if entity_id == small else 0.9 if entity_id == central_entity else rng.uniform(0.5, 0.9)
        lean = rng.uniform(-0.8, 0.8)  # each entity has its own climate
        for sid in ids[: max(1, int(len(ids) * share))]:
            participations.append(ClimateParticipation(round=survey, staff_id=sid))
            scores = {
                f: max(1, min(5, round(rng.gauss(3.2 + lean + bias, 0.9))))
                for f, bias in (
                    ("score_autonomy", 0.1),
                    ("score_trust", 0.0),
                    ("score_collaboration", 0.3),
                    ("score_digital", 0.4),
                    ("score_learning", -0.3),
                )
            }
            responses.append(ClimateResponse(round=survey, entity_id=entity_id, **scores))
    rng.shuffle(responses)
    ClimateParticipation.objects.bulk_create(participations, batch_size=2000)
    ClimateResponse.objects.bulk_create(responses, batch_size=2000)
