"""Demo records of evaluation cases (called from deployability/demo.py): a case for every "insufficient" of the
seeded evaluation history (created in bulk, so without the post_save hook), a second insufficient making
dismissal mandatory, guidance for some, and for demo-hr's entity cases waiting for a decision."""

from datetime import timedelta

from deployability.evaluations.models import EvaluationCase
from deployability.redeployment.models import GuidanceTrajectory
from hrportal.models import Evaluation, HrOfficerScope, Staff, User
from hrportal.scoping import entity_subtree_ids_sql

S = EvaluationCase.Status


def seed_demo(*, rng, today, out) -> None:
    hr = User.objects.filter(username="demo-hr").first()
    reserved = set(User.objects.filter(username__startswith="demo-").values_list("staff__pk", flat=True))
    scope = HrOfficerScope.objects.filter(user=hr).first() if hr else None
    if scope is not None:
        # Make sure demo-hr finds a decision waiting and a mandatory dismissal in their entity.
        ago_staff = list(
            Staff.objects.filter(entity_id__in=entity_subtree_ids_sql(scope.entity_id), is_active=True)
            .exclude(pk__in=reserved)
            .order_by("id")
            .values_list("id", flat=True)[:50]
        )
        picked = rng.sample(ago_staff, min(2, len(ago_staff)))
        Evaluation.objects.filter(staff_id__in=picked).delete()
        new = []
        for i, sid in enumerate(picked):
            new.append(Evaluation(staff_id=sid, evaluated_on=today - timedelta(days=400), rating="good"))
            # the first waits for HR's decision (recent), the second is insufficient again: dismissal mandatory
            new.append(
                Evaluation(
                    staff_id=sid, evaluated_on=today - timedelta(days=60 if i == 0 else 200), rating="insufficient"
                )
            )
            if i == 1:
                new.append(Evaluation(staff_id=sid, evaluated_on=today - timedelta(days=10), rating="insufficient"))
        Evaluation.objects.bulk_create(new)
    rows = list(
        Evaluation.objects.filter(rating=Evaluation.Rating.INSUFFICIENT)
        .order_by("staff_id", "evaluated_on")
        .values_list("pk", "staff_id", "evaluated_on")
    )
    cases, trajectories = [], []
    by_staff = {}
    for pk, sid, day in rows:
        by_staff.setdefault(sid, []).append((pk, day))
    for sid, insufficient in by_staff.items():
        (first, day) = insufficient[0]
        case = EvaluationCase(staff_id=sid, evaluation_id=first, opened_on=day)
        if len(insufficient) > 1:  # the seeded history holds at most a few evaluations: inside the window
            case.status = S.DISMISSAL_REQUIRED
            case.second_insufficient_id = insufficient[1][0]
            case.hr_notified = True
        elif (today - day).days > 120 and rng.random() < 0.7:
            trajectory = GuidanceTrajectory(
                staff_id=sid,
                kind=GuidanceTrajectory.Kind.COACHING,
                reason=GuidanceTrajectory.Reason.EVALUATION,
                goal="Werkpunten uit de evaluatie opvolgen",
                started_on=day + timedelta(days=14),
            )
            trajectories.append(trajectory)
            case.trajectory = trajectory
            case.status = S.GUIDANCE
            case.guidance_started_on = trajectory.started_on
        cases.append(case)
    GuidanceTrajectory.objects.bulk_create(trajectories, batch_size=2000)
    for case in cases:
        if case.trajectory is not None:
            case.trajectory_id = case.trajectory.pk
    EvaluationCase.objects.bulk_create(cases, batch_size=2000)
    out.write(f"deployability evaluations: {len(cases)} insufficient-evaluation cases.")
