"""Top management demo: mandates (some ending within a year, one ready for renewal, renewed ones), annual
evaluations, the 2009-2013 top-function selections (53 candidates presented to government, 12 of them women;
a woman in the final round 9 times, appointed 6 times: two of three), the 2014 leadership-pool selection of
`003_…` exactly, and a panel event where 87 of 98 registrants opted in to the mailing list. demo-top (a top
official) holds the mandate that ends within the year, evaluated and ready for renewal, and is registered for
the intervision session."""

from datetime import timedelta

from hrportal.data.demo import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from hrportal.models import Staff, User
from leadership.models import (
    AnnualEvaluation,
    Mandate,
    MandateEvaluation,
    Registration,
    TopCandidate,
    TopSession,
    Vacancy,
)
from leadership.topmanagement.models import add_months

OFFICE = "Jobpunt Vlaanderen (selectiebureau)"
# 2014 leadership-pool selection (003_…): outcome -> (women, men)
FUNNEL_2014 = {
    TopCandidate.Outcome.ADMITTED: (11, 12),
    TopCandidate.Outcome.UNSUITABLE: (5, 8),
    TopCandidate.Outcome.WITHDRAWN: (0, 1),
    TopCandidate.Outcome.DEFERRED: (2, 0),
    TopCandidate.Outcome.NOT_INTERESTED: (1, 0),
}
# 2009-2013: presented candidates per vacancy (53 in all) and women among them (12, in 9 vacancies)
PRESENTED = [4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4]
WOMEN = [1, 0, 2, 1, 0, 1, 2, 0, 1, 1, 0, 2, 1, 0, 0]
WOMAN_APPOINTED = [True, False, True, False, False, True, True, False, False, True, False, True, False, False, False]


def _name(rng, gender: str) -> str:
    first = rng.choice(FEMALE_FIRST_NAMES if gender == "F" else MALE_FIRST_NAMES)
    return f"{first} {rng.choice(LAST_NAMES)}"


def seed_demo(*, rng, today, out) -> None:
    central = User.objects.filter(is_central_hr=True).first()
    officials = list(
        Staff.objects.filter(management_tier=Staff.Tier.TOP, is_active=True).select_related("entity").order_by("id")
    )
    # demo-top first: their mandate ends within the year and is evaluated positively, ready for renewal
    demo_top = Staff.objects.filter(user__username="demo-top").values_list("pk", flat=True).first()
    officials.sort(key=lambda official: official.pk != demo_top)
    _mandates(rng, today, officials, central)
    _selections(rng, today)
    _sessions(rng, today, demo_top)
    out.write(f"leadership/topmanagement: {len(officials)} mandates, selections 2009-2014, panel events")


def _mandates(rng, today, officials, central) -> None:
    evaluations, annual = [], []
    for index, official in enumerate(officials):
        entity = official.entity if official.entity.kind != "division" else official.entity.parent
        title = f"Leidend ambtenaar {entity.name}"
        if index < 3:  # ends within the coming year
            start = add_months(today, -72) + timedelta(days=rng.randint(20, 330))
        else:
            start = today - timedelta(days=rng.randint(400, 1700))
        previous = None
        if index % 4 == 1:  # a second term: the first one renewed after a positive evaluation
            previous = Mandate.objects.create(
                official=official,
                entity=entity,
                function_title=title,
                start=add_months(start, -72),
                end=start,
                status=Mandate.Status.RENEWED,
            )
            evaluations.append(
                MandateEvaluation(
                    mandate=previous,
                    evaluated_on=start - timedelta(days=60),
                    result=MandateEvaluation.Result.POSITIVE,
                    evaluated_by=central,
                )
            )
        mandate = Mandate.objects.create(
            official=official,
            entity=entity,
            function_title=title,
            start=start,
            end=add_months(start, 72),
            term=2 if previous else 1,
            previous=previous,
        )
        if index == 0:  # evaluated positively: central HR can renew it
            evaluations.append(
                MandateEvaluation(
                    mandate=mandate,
                    evaluated_on=today - timedelta(days=10),
                    result=MandateEvaluation.Result.POSITIVE,
                    note="Doelstellingen van het mandaat ruim gehaald.",
                    evaluated_by=central,
                )
            )
        for year in range(today.year - 3, today.year):
            annual.append(
                AnnualEvaluation(
                    official=official,
                    year=year,
                    rating=rng.choice(["excellent", "good", "good", "needs_improvement"]),
                    evaluated_on=today.replace(year=year, month=12, day=15),
                    evaluated_by=central,
                )
            )
    MandateEvaluation.objects.bulk_create(evaluations)
    AnnualEvaluation.objects.bulk_create(annual)


def _selections(rng, today) -> None:
    candidates = []
    for index, presented in enumerate(PRESENTED):
        year = 2009 + index // 3
        vacancy = Vacancy.objects.create(
            title=f"Leidend ambtenaar – selectie {year}-{index % 3 + 1}",
            year=year,
            selection_office=OFFICE,
            status=Vacancy.Status.CLOSED,
        )
        genders = ["F"] * WOMEN[index] + ["M"] * (presented - WOMEN[index])
        appointed = genders.index("F") if WOMAN_APPOINTED[index] else genders.index("M")
        for position, gender in enumerate(genders):
            won = position == appointed
            candidates.append(
                TopCandidate(
                    vacancy=vacancy,
                    name=_name(rng, gender),
                    gender=gender,
                    stage=TopCandidate.Stage.APPOINTMENT if won else TopCandidate.Stage.SHORTLIST,
                    outcome=TopCandidate.Outcome.APPOINTED if won else TopCandidate.Outcome.ADMITTED,
                )
            )
        # those who did not reach the shortlist
        for stage, outcome in (
            (TopCandidate.Stage.PRESELECTION, TopCandidate.Outcome.UNSUITABLE),
            (TopCandidate.Stage.ASSESSMENT, TopCandidate.Outcome.UNSUITABLE),
            (TopCandidate.Stage.INTERVIEW, TopCandidate.Outcome.WITHDRAWN),
        ):
            gender = "F" if rng.random() < 0.3 else "M"
            candidates.append(
                TopCandidate(vacancy=vacancy, name=_name(rng, gender), gender=gender, stage=stage, outcome=outcome)
            )
    pool = Vacancy.objects.create(
        title="Selectie leiderschapstraject beleidsstroom 2014",
        kind=Vacancy.Kind.LEADERSHIP_POOL,
        year=2014,
        selection_office=OFFICE,
        status=Vacancy.Status.CLOSED,
    )
    for outcome, (women, men) in FUNNEL_2014.items():
        stage = (
            TopCandidate.Stage.ASSESSMENT
            if outcome in (TopCandidate.Outcome.ADMITTED, TopCandidate.Outcome.UNSUITABLE)
            else TopCandidate.Stage.PRESELECTION
        )
        for gender, count in (("F", women), ("M", men)):
            for _ in range(count):
                candidates.append(
                    TopCandidate(vacancy=pool, name=_name(rng, gender), gender=gender, stage=stage, outcome=outcome)
                )
    current = Vacancy.objects.create(
        title=f"Administrateur-generaal – vacature {today.year}", year=today.year, selection_office=OFFICE
    )
    for stage in (
        TopCandidate.Stage.PRESELECTION,
        TopCandidate.Stage.ASSESSMENT,
        TopCandidate.Stage.ASSESSMENT,
        TopCandidate.Stage.INTERVIEW,
    ):
        gender = rng.choice("FM")
        candidates.append(TopCandidate(vacancy=current, name=_name(rng, gender), gender=gender, stage=stage))
    TopCandidate.objects.bulk_create(candidates)


def _sessions(rng, today, demo_top: int | None) -> None:
    panel = TopSession.objects.create(
        kind=TopSession.Kind.PANEL,
        title="Panelgesprek: word topambtenaar",
        held_on=today - timedelta(days=120),
        place="Herman Teirlinckgebouw, Brussel",
        description="Topambtenaren vertellen over hun functie en de selectieprocedure.",
        capacity=120,
    )
    upcoming = TopSession.objects.create(
        kind=TopSession.Kind.PANEL,
        title="Panelgesprek: leidinggeven in het middenkader en topkader",
        held_on=today + timedelta(days=45),
        place="Ellipsgebouw, Brussel",
        capacity=60,
    )
    intervision = TopSession.objects.create(
        kind=TopSession.Kind.INTERVISION,
        title="Intervisie topambtenaren",
        held_on=today + timedelta(days=20),
        capacity=12,
    )
    TopSession.objects.create(
        kind=TopSession.Kind.NETWORK, title="Netwerkmoment topkader", held_on=today + timedelta(days=75), capacity=80
    )
    demo_staff = Staff.objects.filter(user__username="demo-staff").values_list("pk", flat=True).first()
    candidates = list(
        Staff.objects.filter(is_active=True, management_tier=Staff.Tier.NONE)
        .exclude(pk=demo_staff)
        .order_by("id")
        .values_list("pk", flat=True)[:400]
    )
    chosen = rng.sample(candidates, 97) if len(candidates) >= 97 else candidates[:97]
    if demo_staff is not None:
        chosen = [demo_staff, *chosen]
    chosen = chosen[:98]
    opted = set(rng.sample(range(len(chosen)), min(87, len(chosen))))
    registrations = [
        # central HR recorded the attendance of the past panel event: 91 of the 98 came
        Registration(session=panel, staff_id=pk, mailing_opt_in=index in opted, attended=index < 91)
        for index, pk in enumerate(chosen)
    ]
    registrations += [Registration(session=upcoming, staff_id=pk, mailing_opt_in=False) for pk in chosen[10:22]]
    if demo_top is not None:
        registrations.append(Registration(session=intervision, staff_id=demo_top, mailing_opt_in=False))
    Registration.objects.bulk_create(registrations)
