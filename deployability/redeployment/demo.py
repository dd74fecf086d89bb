"""Demo records of redeployment (called from deployability/demo.py): trajectories, candidates in every state,
vacancies with a priority period, offers with refusals and ex officio placements. demo-staff has an offer
waiting, demo-manager a running trajectory, demo-hr registrations to test, demo-central the figures."""

from datetime import timedelta

from deployability.redeployment.models import (
    GuidanceTrajectory,
    InternalTrajectory,
    Offer,
    RedeploymentCandidate,
    TeamMeeting,
    TeamMember,
    TrajectoryStep,
    Vacancy,
    VacancyCompetency,
)
from deployability.redeployment.services import vacancies_due_for_others, vacancy_open_to_others
from hrportal.models import Competency, Entity, Function, HrOfficerScope, Staff, User
from hrportal.scoping import entity_subtree_ids_sql

PLACES = ["Brussel", "Gent", "Antwerpen", "Leuven", "Brugge", "Hasselt", "Mechelen"]
KINDS = [k for k, _label in GuidanceTrajectory.Kind.choices]
STEPS = ["Intakegesprek", "Opleiding", "Werkplekleren", "Tussentijdse evaluatie", "Eindgesprek"]
REASONS = ["Te ver van huis", "Andere functie gewenst", "Uurregeling past niet", "Inhoud sluit niet aan"]
S = RedeploymentCandidate.Status


def seed_demo(*, rng, today, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-").select_related("staff")}
    staff_user, manager, hr, central = (users.get(n) for n in ("demo-staff", "demo-manager", "demo-hr", "demo-central"))
    if not all((staff_user, manager, hr, central)):
        return
    scope = HrOfficerScope.objects.filter(user=hr).first()
    hr_entities = set()
    if scope is not None:
        hr_entities = set(
            Entity.objects.filter(pk__in=entity_subtree_ids_sql(scope.entity_id)).values_list("pk", flat=True)
        )
    functions = list(Function.objects.order_by("id").values_list("id", flat=True)[:80])
    competencies = list(Competency.objects.order_by("id").values_list("id", flat=True))
    if not functions:
        return
    reserved = {u.staff.pk for u in users.values() if hasattr(u, "staff")}
    pool = list(
        Staff.objects.filter(is_active=True, management_tier=Staff.Tier.NONE)
        .exclude(pk__in=reserved)
        .order_by("id")
        .values_list("id", "entity_id", "grade", "line_manager_id")[:3000]
    )
    people = rng.sample(pool, min(len(pool), 60))
    in_hr = [p for p in pool if p[1] in hr_entities and p not in people][:4]
    start = today - timedelta(days=400)

    # 1. Completed trajectories for every candidate, plus demo-manager's running one.
    registered = [(p, status) for p, status in zip(people, _statuses(rng, len(people)), strict=True)]
    registered += [(p, S.REGISTERED) for p in in_hr[:2]] + [(p, S.REDEPLOYABLE) for p in in_hr[2:4]]
    trajectories = []
    for (sid, _entity, _grade, _lm), _status in registered:
        opened = start + timedelta(days=rng.randint(0, 60))
        trajectories.append(
            GuidanceTrajectory(
                staff_id=sid,
                kind=rng.choice(KINDS),
                goal="Versterken van competenties voor een nieuwe functie",
                started_on=opened,
                status=GuidanceTrajectory.Status.COMPLETED,
                completed_on=opened + timedelta(days=rng.randint(60, 120)),
                outcome="Traject met succes afgerond",
            )
        )
    me = staff_user.staff
    mine = GuidanceTrajectory(
        staff_id=me.pk,
        kind=GuidanceTrajectory.Kind.TRAINING,
        goal="Opleiding digitale dossierbehandeling",
        started_on=start,
        status=GuidanceTrajectory.Status.COMPLETED,
        completed_on=start + timedelta(days=90),
        outcome="Opleiding gevolgd en geslaagd",
        opened_by=manager,
    )
    team_member = Staff.objects.filter(line_manager=manager.staff, is_active=True).exclude(pk__in=reserved).first()
    running = []
    if team_member is not None:
        running.append(
            GuidanceTrajectory(
                staff_id=team_member.pk,
                kind=GuidanceTrajectory.Kind.COACHING,
                goal="Coaching naar een andere rol",
                started_on=today - timedelta(days=30),
                opened_by=manager,
            )
        )
    GuidanceTrajectory.objects.bulk_create([*trajectories, mine, *running])
    TrajectoryStep.objects.bulk_create(
        [
            TrajectoryStep(
                trajectory=t,
                title=title,
                planned_on=t.started_on + timedelta(days=20 * i),
                done_on=t.started_on + timedelta(days=20 * i) if t.completed_on else None,
            )
            for t in [*trajectories[:20], mine, *running]
            for i, title in enumerate(rng.sample(STEPS, 3))
        ]
    )

    # 2. Candidates.
    candidates = []
    for ((sid, _entity, _grade, _lm), status), trajectory in zip(registered, trajectories, strict=True):
        reg = trajectory.completed_on + timedelta(days=rng.randint(1, 20))
        decided = status != S.REGISTERED
        candidates.append(
            RedeploymentCandidate(
                staff_id=sid,
                trajectory=trajectory,
                registered_on=reg,
                registered_by=hr,
                place=rng.choice(PLACES),
                status=status,
                admissibility_reasons="Breed inzetbaar profiel"
                if status != S.NOT_REDEPLOYABLE
                else "Medische beperkingen",
                admissibility_decided_on=reg + timedelta(days=14) if decided else None,
                admissibility_decided_by=hr if decided else None,
            )
        )
    own = RedeploymentCandidate(
        staff_id=me.pk,
        trajectory=mine,
        registered_on=mine.completed_on + timedelta(days=5),
        registered_by=manager,
        place="Brussel",
        status=S.REDEPLOYABLE,
        admissibility_reasons="Herplaatsbaar naar een functie van gelijke graad",
        admissibility_decided_on=mine.completed_on + timedelta(days=20),
        admissibility_decided_by=hr,
    )
    RedeploymentCandidate.objects.bulk_create([*candidates, own])
    internal = [
        InternalTrajectory(candidate=c, started_on=c.admissibility_decided_on)
        for c in candidates
        if c.status == S.NOT_REDEPLOYABLE
    ]
    InternalTrajectory.objects.bulk_create(internal)
    TeamMember.objects.bulk_create(
        [
            TeamMember(trajectory=t, name=n, role=r)
            for t in internal
            for n, r in [
                ("Leidinggevende", "lijnmanager"),
                ("HR-adviseur", "personeelsdienst"),
                ("Arbeidsarts", "preventie"),
            ]
        ]
    )
    TeamMeeting.objects.bulk_create(
        [
            TeamMeeting(
                trajectory=t, held_on=t.started_on + timedelta(days=30), notes="Eerste overleg: aangepast werk bekeken"
            )
            for t in internal
        ]
    )

    # 3. Vacancies and offers: placed candidates through accepted or ex officio offers, demo-staff waiting.
    staff_by_id = {p[0]: p for p in pool}
    staff_by_id[me.pk] = (me.pk, me.entity_id, me.grade, me.line_manager_id)
    vacancies, offers, places = [], [], []

    def vacancy(grade, on, status=Vacancy.Status.OPEN, entity_id=None):
        v = Vacancy(
            title=f"Vacature {len(vacancies) + 1}",
            function_id=rng.choice(functions),
            grade=grade,
            entity_id=entity_id or rng.choice(pool)[1],
            place=rng.choice(PLACES),
            published_on=on,
            priority_until=on + timedelta(days=30),
            status=status,
            published_by=hr,
        )
        vacancies.append(v)
        return v

    for c in candidates:
        if c.status != S.PLACED:
            continue
        grade = staff_by_id[c.staff_id][2]
        ex_officio = rng.random() < 0.5
        refusals = 2 if ex_officio else rng.randint(0, 1)
        day = c.admissibility_decided_on + timedelta(days=10)
        for n in range(1, refusals + 1):
            offers.append(
                Offer(
                    candidate=c,
                    vacancy=vacancy(grade, day),
                    number=n,
                    offered_on=day,
                    offered_by=hr,
                    status=Offer.Status.REFUSED,
                    answered_on=day + timedelta(days=5),
                    refusal_reason=rng.choice(REASONS),
                )
            )
            day += timedelta(days=rng.randint(15, 40))
        placed_on = day + timedelta(days=0 if ex_officio else 7)
        offers.append(
            Offer(
                candidate=c,
                vacancy=vacancy(grade, day, Vacancy.Status.FILLED),
                number=refusals + 1,
                offered_on=day,
                offered_by=hr,
                answered_on=placed_on,
                status=Offer.Status.EX_OFFICIO if ex_officio else Offer.Status.ACCEPTED,
            )
        )
        c.refusals, c.placed_on, c.placed_ex_officio = refusals, placed_on, ex_officio
        places.append(c)
    day = own.admissibility_decided_on + timedelta(days=10)
    offers.append(
        Offer(
            candidate=own,
            vacancy=vacancy(me.grade, day),
            number=1,
            offered_on=day,
            offered_by=hr,
            status=Offer.Status.REFUSED,
            answered_on=day + timedelta(days=4),
            refusal_reason="De functie sluit niet aan bij mijn ervaring",
        )
    )
    waiting = vacancy(me.grade, today - timedelta(days=7), entity_id=me.entity_id)
    offers.append(Offer(candidate=own, vacancy=waiting, number=2, offered_on=today - timedelta(days=3), offered_by=hr))
    own.refusals = 1
    for _ in range(12):  # open vacancies, some still in their priority period, for the office's rankings
        vacancy(rng.choice(["A1", "B1", "B2", "C1", "C2"]), today - timedelta(days=rng.randint(0, 45)))
    Vacancy.objects.bulk_create(vacancies)
    VacancyCompetency.objects.bulk_create(
        [
            VacancyCompetency(vacancy=v, competency_id=cid, level=rng.randint(2, 3))
            for v in vacancies
            for cid in rng.sample(competencies, min(3, len(competencies)))
        ]
    )
    Offer.objects.bulk_create(offers)
    RedeploymentCandidate.objects.bulk_update([*places, own], ["refusals", "placed_on", "placed_ex_officio"])
    # Three vacancies past their priority period go to the mobility marketplace as the nightly job would do
    # (the job opens the rest on its first run); each is a talent request there, linked from the vacancy.
    for vacancy_id in vacancies_due_for_others(today=today)[:3]:
        vacancy_open_to_others(vacancy_id=vacancy_id, today=today)
    out.write(
        f"deployability redeployment: {len(candidates) + 1} candidates, "
        f"{len(vacancies)} vacancies, {len(offers)} offers."
    )


def _statuses(rng, n):
    weights = [(S.REGISTERED, 2), (S.REDEPLOYABLE, 4), (S.NOT_REDEPLOYABLE, 1), (S.PLACED, 3)]
    population = [s for s, w in weights for _ in range(w)]
    return [rng.choice(population) for _ in range(n)]
