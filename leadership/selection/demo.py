"""Demo selections: an open one with admissible and not admissible candidates, a closed one whose appointed
leader (in demo-manager's team) ends the probation now."""

from datetime import date, timedelta

from hrportal.models import Entity, Staff, User
from leadership.development.services import onboarding_start
from leadership.selection.models import Candidate, Probation, Selection
from leadership.selection.selectors import probation_end


def seed_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["demo-hr", "demo-manager", "demo-central"])}
    hr, manager = users.get("demo-hr"), users.get("demo-manager")
    if hr is None or manager is None:
        return
    head = manager.staff
    entity = head.entity
    pool = list(
        Staff.objects.filter(entity=entity, is_active=True, management_tier=Staff.Tier.NONE, level="A")
        .exclude(user__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)[:60]
    )
    if len(pool) < 6:
        return
    picked = rng.sample(pool, 6)
    open_selection = Selection.objects.create(
        post="Afdelingshoofd Beleidsondersteuning",
        entity=entity,
        opens_on=today - timedelta(days=20),
        closes_on=today + timedelta(days=25),
        created_by=hr,
    )
    candidates = [
        Candidate(
            selection=open_selection,
            staff_id=picked[0],
            experience_years=9,
            experience_months=3,
            status=Candidate.Status.ADMISSIBLE,
            recorded_by=hr,
        ),
        Candidate(
            selection=open_selection,
            staff_id=picked[1],
            experience_years=6,
            status=Candidate.Status.ADMISSIBLE,
            recorded_by=hr,
        ),
        Candidate(
            selection=open_selection,
            staff_id=picked[2],
            experience_years=5,
            experience_days=364,
            status=Candidate.Status.NOT_ADMISSIBLE,
            recorded_by=hr,
        ),
        Candidate(
            selection=open_selection,
            external_name="Sofie Janssens",
            external_email="sofie.janssens@example.org",
            experience_years=12,
            status=Candidate.Status.ADMISSIBLE,
            recorded_by=hr,
        ),
    ]
    closed = Selection.objects.create(
        post="Teamverantwoordelijke Dienstverlening",
        entity=entity,
        opens_on=today - timedelta(days=260),
        closes_on=today - timedelta(days=220),
        status=Selection.Status.CLOSED,
        created_by=hr,
    )
    # The appointed leader is one of demo-manager's direct reports; the probation ends now and waits for its
    # evaluation. (Their management tier is left as seeded, so the gender monitoring figures stay the seed's.)
    leader = Staff.objects.filter(line_manager=head, is_active=True).order_by("id").first()
    if leader is None:
        return
    appointed = Candidate(
        selection=closed, staff=leader, experience_years=8, status=Candidate.Status.APPOINTED, recorded_by=hr
    )
    candidates += [
        appointed,
        Candidate(
            selection=closed,
            staff_id=picked[4],
            experience_years=7,
            status=Candidate.Status.NOT_APPOINTED,
            recorded_by=hr,
        ),
    ]
    Candidate.objects.bulk_create(candidates)
    starts = today - timedelta(days=183)
    months = 6
    Probation.objects.create(
        staff=leader,
        candidate=appointed,
        post=closed.post,
        starts_on=starts,
        months=months,
        ends_on=probation_end(starts, months),
    )
    checklist = onboarding_start(actor=hr, staff=leader, starts_on=starts)
    for item in checklist.items.order_by("due_on")[:2]:
        item.done_on, item.done_by = item.due_on, hr
        item.save(update_fields=["done_on", "done_by"])
    # Earlier, evaluated probations elsewhere in the organisation, for central HR's list.
    others = list(
        Staff.objects.filter(management_tier=Staff.Tier.MIDDLE, is_active=True)
        .exclude(entity=entity)
        .order_by("id")
        .values_list("id", "entity_id")[:8]
    )
    entity_names = dict(Entity.objects.filter(pk__in=[e for _s, e in others]).values_list("pk", "name"))
    history = []
    for i, (staff_id, entity_id) in enumerate(others):
        start = date(today.year - 2, 1 + i, 1)
        length = rng.choice([6, 9, 12])
        history.append(
            Probation(
                staff_id=staff_id,
                post=f"Afdelingshoofd {entity_names.get(entity_id, '')}".strip(),
                starts_on=start,
                months=length,
                ends_on=probation_end(start, length),
                outcome=Probation.Outcome.POSITIVE,
                evaluated_on=probation_end(start, length) + timedelta(days=7),
                evaluated_by=users.get("demo-central"),
            )
        )
    Probation.objects.bulk_create(history)
    out.write(f"leadership selection: 2 selections, {len(candidates)} candidates, {len(history) + 1} probations.")
