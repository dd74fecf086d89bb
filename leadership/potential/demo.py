"""Demo potential assessments: demo-staff's own, and a talent pool across the organisation."""

from datetime import date, timedelta

from hrportal.models import Competency, Staff, User
from leadership.potential.models import Assessment, AssessmentScore
from leadership.roles.models import LeadershipRole

RESULTS = [Assessment.Result.POTENTIAL, Assessment.Result.DEVELOP, Assessment.Result.NOT_YET]


def seed_demo(*, rng, today: date, out) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=["demo-staff", "demo-hr"]).select_related("staff")}
    member, hr = users.get("demo-staff"), users.get("demo-hr")
    if member is None or hr is None:
        return
    competencies = list(Competency.objects.order_by("id"))
    assessors = list(
        Staff.objects.filter(management_tier=Staff.Tier.MIDDLE).order_by("id").values_list("id", flat=True)[:30]
    )
    candidates = list(
        Staff.objects.filter(is_active=True, management_tier=Staff.Tier.NONE, level="A")
        .exclude(pk=member.staff.pk)
        .order_by("id")
        .values_list("id", flat=True)[:400]
    )
    people = [member.staff.pk, *rng.sample(candidates, min(len(candidates), 40))]
    rows = []
    for i, staff_id in enumerate(people):
        rows.append(
            Assessment(
                staff_id=staff_id,
                role=LeadershipRole.LEADER if i == 0 else rng.choice(LeadershipRole.values),
                tier="N-1",
                assessed_on=today - timedelta(days=rng.randint(30, 700)),
                result=Assessment.Result.POTENTIAL if i == 0 else rng.choice(RESULTS),
                advice="Verder ontwikkelen in coachend leidinggeven; deelnemen aan het traject middenkader.",
                recorded_by=hr,
            )
        )
    created = Assessment.objects.bulk_create(rows)
    scores, links = [], []
    through = Assessment.assessors.through
    for assessment in created:
        for competency in rng.sample(competencies, min(len(competencies), 5)):
            scores.append(AssessmentScore(assessment=assessment, competency=competency, score=rng.randint(2, 4)))
        for assessor in rng.sample(assessors, min(len(assessors), 2)):
            if assessor != assessment.staff_id:
                links.append(through(assessment_id=assessment.pk, staff_id=assessor))
    AssessmentScore.objects.bulk_create(scores)
    through.objects.bulk_create(links)
    out.write(f"leadership potential: {len(created)} assessments.")
