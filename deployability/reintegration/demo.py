"""Demo re-integration cases: one at intake in demo-hr's entity (waiting for a first step) and one running
in demo-manager's team, with a social-medical team, steps and a summary shared with the manager."""

from datetime import date, timedelta

from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep
from hrportal.models import Staff, User
from hrportal.scoping import team_ids_sql


def seed_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-manager", "demo-hr"])}
    if len(users) < 3:
        return
    me = Staff.objects.get(user=users["demo-staff"])
    manager = Staff.objects.get(user=users["demo-manager"])
    hr = Staff.objects.filter(user=users["demo-hr"]).first()
    reserved = {me.pk, manager.pk, hr.pk if hr else 0}
    team = list(
        Staff.objects.filter(pk__in=team_ids_sql(manager.pk), is_active=True)
        .exclude(pk__in=reserved)
        .order_by("-id")
        .values_list("id", flat=True)[:2]
    )
    helpers = list(
        Staff.objects.filter(is_active=True, level="A")
        .exclude(pk__in=reserved | set(team))
        .order_by("id")
        .values_list("id", flat=True)[:40]
    )
    if len(team) < 2 or len(helpers) < 2:
        return
    physician, social = rng.sample(helpers, 2)
    running = ReintegrationCase.objects.create(
        staff_id=team[0],
        status=ReintegrationCase.Status.RUNNING,
        intake_on=today - timedelta(days=60),
        medical_details="Langdurige rugklachten; kinesitherapie loopt. Geen tilwerk.",
        shared_summary="Hervat halftijds met aangepast werk: geen tilwerk, beeldschermwerk kan.",
        opened_by=users["demo-hr"],
    )
    intake = ReintegrationCase.objects.create(
        staff_id=team[1],
        intake_on=today - timedelta(days=5),
        medical_details="Burn-out; begeleiding door de arbeidsarts.",
        shared_summary="Intake gebeurd; het team bekijkt een geleidelijke hervatting.",
        opened_by=users["demo-hr"],
    )
    CaseTeamMember.objects.bulk_create(
        [
            CaseTeamMember(case=running, staff_id=physician, role=CaseTeamMember.Role.PHYSICIAN),
            CaseTeamMember(case=running, staff_id=social, role=CaseTeamMember.Role.SOCIAL),
            CaseTeamMember(case=intake, staff_id=physician, role=CaseTeamMember.Role.PHYSICIAN),
        ]
    )
    ReintegrationStep.objects.bulk_create(
        [
            ReintegrationStep(
                case=running,
                kind=ReintegrationStep.Kind.PART_TIME,
                start=today - timedelta(days=45),
                end=today + timedelta(days=45),
                working_time_percent=50,
                description="Halftijds, voormiddagen.",
                created_by=users["demo-hr"],
            ),
            ReintegrationStep(
                case=running,
                kind=ReintegrationStep.Kind.ADAPTED_WORK,
                start=today - timedelta(days=45),
                description="Geen tilwerk; bureau met zit-sta-tafel.",
                created_by=users["demo-hr"],
            ),
        ]
    )
    out.write("deployability re-integration: 2 cases.")
