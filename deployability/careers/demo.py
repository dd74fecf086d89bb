"""Demo careers: job-profile competencies for the functions around demo-staff's (so their career paths
show fits and gaps), open statutory promotion posts in demo-hr's entity, a contractual project leader."""

from datetime import date, timedelta

from django.db.models import Q

from deployability.careers.models import FunctionProfileCompetency, ProjectLeaderAppointment, PromotionPost
from hrportal.models import Competency, Function, HrOfficerScope, Staff, StaffCompetency, User


def seed_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-manager", "demo-hr"])}
    if len(users) < 3:
        return
    me = Staff.objects.select_related("function").get(user=users["demo-staff"])
    competencies = list(Competency.objects.order_by("id").values_list("id", flat=True))
    mine = dict(StaffCompetency.objects.filter(staff=me).values_list("competency_id", "level"))
    functions = list(Function.objects.filter(family__isnull=False).order_by("id"))
    if me.function is not None and me.function.family_id is not None:
        c = me.function.function_class
        near = [f for f in functions if f.function_class in (c, c + 1) and f.pk != me.function_id]
    else:
        near = functions[:30]
    profiles = []
    for i, function in enumerate(near):
        # Every third function asks only what demo-staff has: a fit; the others one level more somewhere.
        fits = i % 3 == 0 and len(mine) >= 2
        picks = rng.sample(sorted(mine), 2) if fits else rng.sample(competencies, 3)
        for competency in picks:
            level = mine[competency] if fits else min(mine.get(competency, 0) + 1, 4)
            profiles.append(FunctionProfileCompetency(function=function, competency_id=competency, level=level))
    FunctionProfileCompetency.objects.bulk_create(profiles, ignore_conflicts=True)
    scope = HrOfficerScope.objects.filter(user=users["demo-hr"]).select_related("entity").first()
    posts = 0
    if scope is not None and functions:
        for title, offset, grade in [("Afdelingshoofd Beleid", 30, "A2"), ("Teamverantwoordelijke Dossiers", 14, "B2")]:
            function = rng.choice([f for f in functions if f.function_class >= 12] or functions)
            PromotionPost.objects.create(
                title=title,
                function=function,
                grade=grade,
                entity=scope.entity,
                description="Statutaire bevorderingsbetrekking; open voor statutairen en contractuelen aangeworven "
                "via een objectieve selectie met openbare bekendmaking.",
                opens_on=today - timedelta(days=7),
                closes_on=today + timedelta(days=offset),
                created_by=users["demo-hr"],
            )
            posts += 1
    manager = Staff.objects.get(user=users["demo-manager"])
    contractual = (
        Staff.objects.filter(Q(line_manager=manager) | Q(line_manager__line_manager=manager))
        .filter(employment_type=Staff.EmploymentType.CONTRACTUAL, is_active=True)
        .order_by("id")
        .first()
    )
    if contractual is not None:
        ProjectLeaderAppointment.objects.create(
            staff=contractual,
            project="Digitaal personeelsdossier",
            start=today - timedelta(days=90),
            end=today + timedelta(days=275),
            appointed_by=users["demo-manager"],
        )
    out.write(f"deployability careers: {len(profiles)} job-profile competencies, {posts} promotion posts.")
