"""Reads of evaluation cases: lists for a viewer, the timeline of a case, the report's figures."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from deployability.evaluations.models import EvaluationCase
from deployability.evaluations.permissions import cases_visible_to
from deployability.evaluations.services import followup_window
from hrportal.audit.models import AuditEvent
from hrportal.models import Evaluation
from hrportal.roles import staff_of
from hrportal.services.evaluations import evaluation_earliest_date

Status = EvaluationCase.Status


def case_list(*, viewer, status: str | None = None):
    qs = cases_visible_to(viewer).select_related("staff__entity", "evaluation")
    me = staff_of(viewer)
    if status == "open":
        qs = qs.filter(status__in=EvaluationCase.OPEN)
    elif status:
        qs = qs.filter(status=status)
    if me is not None:
        qs = qs.exclude(staff=me)
    return qs.order_by("-opened_on", "-id")


def cases_waiting(*, viewer):
    """Cases HR must act on: a decision after the insufficient, or a mandatory dismissal."""
    return case_list(viewer=viewer).filter(status__in=[Status.DECISION, Status.DISMISSAL_REQUIRED])


def own_cases(*, viewer):
    me = staff_of(viewer)
    if me is None:
        return EvaluationCase.objects.none()
    return EvaluationCase.objects.filter(staff=me).select_related("evaluation")


@dataclass
class TimelineItem:
    day: date
    label: str
    detail: str = ""
    emphasis: bool = False


def case_timeline(case: EvaluationCase) -> dict:
    """The case's history in date order: the insufficient, the decisions, the trajectory and its steps, and
    the next evaluations numbered against the window."""
    window = followup_window(case)
    evaluations = list(
        Evaluation.objects.filter(staff_id=case.staff_id, evaluated_on__gte=case.evaluation.evaluated_on).order_by(
            "evaluated_on"
        )
    )
    items = []
    number = 0
    for evaluation in evaluations:
        if evaluation.pk == case.evaluation_id:
            items.append(TimelineItem(evaluation.evaluated_on, _("Insufficient evaluation"), evaluation.remarks, True))
            continue
        number += 1
        if number <= window:
            label = _("Evaluation %(n)s of %(window)s after the insufficient: %(rating)s") % {
                "n": number,
                "window": window,
                "rating": evaluation.get_rating_display(),
            }
        else:
            label = _("Evaluation after the follow-up window: %(rating)s") % {"rating": evaluation.get_rating_display()}
        items.append(
            TimelineItem(
                evaluation.evaluated_on,
                label,
                evaluation.remarks,
                evaluation.rating == Evaluation.Rating.INSUFFICIENT,
            )
        )
    if case.trajectory_id:
        trajectory = case.trajectory
        items.append(
            TimelineItem(
                trajectory.started_on,
                _("Guidance started (%(kind)s)") % {"kind": trajectory.get_kind_display()},
                trajectory.goal,
            )
        )
        for step in trajectory.steps.all():
            items.append(TimelineItem(step.planned_on, _("Guidance step: %(title)s") % {"title": step.title}))
        if trajectory.completed_on:
            items.append(TimelineItem(trajectory.completed_on, _("Guidance completed"), trajectory.outcome))
    if case.outcome == EvaluationCase.Outcome.DISMISSED_SPECIAL:
        items.append(
            TimelineItem(
                case.dismissal_decided_on, _("Dismissal in special circumstances"), case.special_circumstances, True
            )
        )
    if case.outcome == EvaluationCase.Outcome.DISMISSED_MANDATORY:
        items.append(
            TimelineItem(case.dismissal_decided_on, _("Mandatory dismissal decided"), case.dismissal_note, True)
        )
    if case.outcome == EvaluationCase.Outcome.RECOVERED:
        items.append(TimelineItem(case.closed_on, _("Case closed: the next evaluations were sufficient")))
    items.sort(key=lambda item: item.day)
    followups = max(number, 0)
    next_date = None
    if case.status in (Status.DECISION, Status.GUIDANCE) and evaluations:
        last = evaluations[-1]
        next_date = evaluation_earliest_date(staff_id=case.staff_id, evaluated_on=date.max) if last else None
    return {"items": items, "window": window, "followups": min(followups, window), "next_earliest": next_date}


def case_figures_per_entity(*, entity_ids=None) -> list[dict]:
    """Cases per entity and status/outcome, aggregated in the database (one query)."""
    qs = EvaluationCase.objects.all()
    if entity_ids is not None:
        qs = qs.filter(staff__entity_id__in=entity_ids)
    rows = (
        qs.values("staff__entity__name")
        .annotate(
            total=Count("pk"),
            decision=Count("pk", filter=Q(status=Status.DECISION)),
            guidance=Count("pk", filter=Q(status=Status.GUIDANCE)),
            dismissal_required=Count("pk", filter=Q(status=Status.DISMISSAL_REQUIRED)),
            dismissed_special=Count("pk", filter=Q(outcome=EvaluationCase.Outcome.DISMISSED_SPECIAL)),
            dismissed_mandatory=Count("pk", filter=Q(outcome=EvaluationCase.Outcome.DISMISSED_MANDATORY)),
            recovered=Count("pk", filter=Q(outcome=EvaluationCase.Outcome.RECOVERED)),
            statutory=Count("pk", filter=Q(staff__employment_type="statutory")),
            contractual=Count("pk", filter=Q(staff__employment_type="contractual")),
        )
        .order_by("staff__entity__name")
    )
    return [{"entity": row.pop("staff__entity__name"), **row} for row in rows]


def case_service_end(case: EvaluationCase) -> dict | None:
    """What the dismissal closed when it ended the person's service (from its audit event), or None."""
    if case.outcome not in (EvaluationCase.Outcome.DISMISSED_SPECIAL, EvaluationCase.Outcome.DISMISSED_MANDATORY):
        return None
    event = (
        AuditEvent.objects.filter(
            action="deployability.evaluation_case.service_ended",
            target_type=ContentType.objects.get_for_model(EvaluationCase),
            target_id=str(case.pk),
        )
        .order_by("-id")
        .first()
    )
    return event.after if event is not None else None
