"""Demo telework data: about one in five staff teleworking in 2026, rising over the years (the seed cites
17.4% in 2010 and "about one in five" later), two entities that explain why they deviate, and a pending
request of demo-staff for demo-manager."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from hrportal.audit.models import AuditEvent
from hrportal.audit.services import audit_record
from hrportal.data.bulk import insert_objects
from hrportal.data.demo import AGO_CODE
from hrportal.models import Entity, Function, Staff, User
from telework.agreements.models import WEEKDAY_FIELDS
from telework.models import TeleworkAgreement, TeleworkExplanation

# Share of eligible staff whose (first) agreement starts in each year: rising to ~22% of the eligible in 2026.
START_YEAR_WEIGHTS = {2017: 3, 2018: 3, 2019: 3, 2020: 8, 2021: 5, 2022: 4, 2023: 3, 2024: 3, 2025: 3, 2026: 2}
TELEWORKER_SHARE = 0.33
DAY_WEIGHTS = [1.0, 0.8, 1.1, 0.8, 1.3]
DEVIATIONS = [
    "Loketwerking en permanentie vereisen fysieke aanwezigheid van alle medewerkers.",
    "Werken met vertrouwelijke dossiers op papier; digitalisering loopt tot eind 2027.",
]


def _aware(day: date):
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def _days(rng, n: int) -> list[int]:
    chosen: list[int] = []
    while len(chosen) < n:
        day = rng.choices(range(5), weights=DAY_WEIGHTS)[0]
        if day not in chosen:
            chosen.append(day)
    return sorted(chosen)


def _agreement(rng, staff_id: int, start: date, end: date | None, **extra) -> TeleworkAgreement:
    days_per_week = rng.choices([1, 2, 3], weights=[4, 5, 1])[0]
    flexible = rng.random() < 0.25
    days = [] if flexible else _days(rng, days_per_week)
    preferred = rng.choices(range(5), weights=DAY_WEIGHTS)[0] if flexible else rng.choice(days)
    return TeleworkAgreement(
        staff_id=staff_id,
        days_per_week=days_per_week,
        pattern=TeleworkAgreement.Pattern.FLEXIBLE if flexible else TeleworkAgreement.Pattern.FIXED,
        preferred_day=preferred,
        start=start,
        end=end,
        **{name: i in days for i, name in enumerate(WEEKDAY_FIELDS)},
        **extra,
    )


def _make_teleworkable(staff_id: int) -> None:
    """demo-staff must be able to ask: give them a teleworkable function of the same class if theirs is not."""
    staff = Staff.objects.select_related("function").get(pk=staff_id)
    if staff.function is None or staff.function.teleworkable:
        return
    replacement = (
        Function.objects.filter(teleworkable=True, function_class=staff.function.function_class).first()
        or Function.objects.filter(teleworkable=True).first()
    )
    Staff.objects.filter(pk=staff_id).update(function=replacement)


def seed_demo(*, rng, today, out) -> None:
    _seed_agreements(rng=rng, today=today, out=out)


def _seed_agreements(*, rng, today, out) -> None:
    ago = Entity.objects.get(code=AGO_CODE)
    entities = list(Entity.objects.filter(kind=Entity.Kind.ENTITY).exclude(pk=ago.pk).order_by("code"))
    deviating = rng.sample(entities, k=min(2, len(entities)))
    hr_user = User.objects.filter(username="demo-hr").first()
    TeleworkExplanation.objects.bulk_create(
        [
            TeleworkExplanation(
                entity=entity,
                applies_telework=False,
                explanation=DEVIATIONS[i % len(DEVIATIONS)],
                effective_from=date(2021, 1, 1) + timedelta(days=90 * i),
                recorded_by=hr_user,
            )
            for i, entity in enumerate(deviating)
        ]
        + [
            TeleworkExplanation(
                entity=entity, applies_telework=True, effective_from=date(2017, 1, 1), recorded_by=hr_user
            )
            for entity in deviating[:1]
        ]
    )
    excluded = {e.pk for e in deviating} | set(Entity.objects.filter(parent__in=deviating).values_list("pk", flat=True))
    demo_users = dict(
        User.objects.filter(username__in=["demo-staff", "demo-manager"]).values_list("username", "staff__id")
    )
    demo_staff = demo_users.get("demo-staff")
    rows = Staff.objects.filter(is_active=True, line_manager__isnull=False).values_list(
        "id", "entity_id", "function__teleworkable", "service_start", "line_manager__user_id"
    )
    agreements = []
    years, weights = list(START_YEAR_WEIGHTS), list(START_YEAR_WEIGHTS.values())
    eligible = 0
    for staff_id, entity_id, teleworkable, service_start, manager_user in rows:
        if entity_id in excluded or teleworkable is False or staff_id == demo_staff:
            continue
        eligible += 1
        if rng.random() >= TELEWORKER_SHARE:
            continue
        year = max(rng.choices(years, weights=weights)[0], service_start.year)
        if year > today.year:
            continue
        start = date(year, rng.randint(1, 12), 1)
        if start > today:
            start = date(year, 1, 1)
        end = None
        if rng.random() < 0.12:  # some stopped again
            end = start + timedelta(days=rng.randint(365, 1100))
            if end >= today:
                end = None
        decided = _aware(start - timedelta(days=14))
        agreements.append(
            _agreement(
                rng,
                staff_id,
                start,
                end,
                status=TeleworkAgreement.Status.APPROVED,
                requested_at=decided,
                decided_at=decided,
                decided_by_id=manager_user,
                parameters={"on": start.isoformat(), "values": {"telework.max_share_per_day_percent": 50}},
            )
        )
    if demo_staff is not None:
        _make_teleworkable(demo_staff)
        agreements.append(
            _agreement(
                rng,
                demo_staff,
                today + timedelta(days=14),
                today + timedelta(days=14 + 365),
                status=TeleworkAgreement.Status.REQUESTED,
                motivation="Lange pendel; ik werk graag geconcentreerd thuis aan rapporten.",
                requested_by=User.objects.filter(username="demo-staff").first(),
            )
        )
    insert_objects(agreements)  # the approved ones requested at their decision, as before
    _seed_decision_history(demo_users.get("demo-manager"))
    # Desks: most entities planned at the 80% norm; some already reduced their floor space, some have more room.
    for entity in rng.sample(entities, k=len(entities) // 3):
        headcount = Staff.objects.filter(is_active=True, entity__in=[entity, *entity.children.all()]).count()
        entity.desks = int(headcount * rng.choice([0.6, 0.7, 0.95]))
        entity.save(update_fields=["desks"])
    out.write(
        f"Telework: {len(agreements)} agreements for {eligible} eligible staff; "
        f"{len(deviating)} entities explain why they deviate."
    )


def _seed_decision_history(manager_staff_id) -> None:
    """The audit trail of the demo manager's latest approvals, as the approvals would have written it, so
    that HR finds decisions in the trail of a fresh demo."""
    if manager_staff_id is None:
        return
    manager = Staff.objects.select_related("entity", "user").get(pk=manager_staff_id)
    entity = manager.entity.parent or manager.entity
    recent = (
        TeleworkAgreement.objects.filter(
            Q(staff__entity=entity) | Q(staff__entity__parent=entity), status=TeleworkAgreement.Status.APPROVED
        )
        .select_related("staff__entity", "decided_by")
        .order_by("-decided_at")[:8]
    )
    for agreement in recent:
        if agreement.decided_by is None:  # a manager without an account: the demo manager decided instead
            agreement.decided_by = manager.user
            agreement.save(update_fields=["decided_by"])
        snapshot = {
            "status": agreement.status,
            "days_per_week": agreement.days_per_week,
            "pattern": agreement.pattern,
            "weekdays": agreement.weekdays,
            "preferred_day": agreement.preferred_day,
            "start": agreement.start,
            "end": agreement.end,
        }
        event = audit_record(
            actor=agreement.decided_by,
            action="telework.agreement.approved",
            target=agreement,
            staff=agreement.staff,
            before={**snapshot, "status": TeleworkAgreement.Status.REQUESTED},
            after=snapshot,
            parameters=agreement.parameters.get("values") if agreement.parameters else None,
        )
        AuditEvent.objects.filter(pk=event.pk).update(occurred_at=agreement.decided_at)
