from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from leadership.selection.models import Probation
from leadership.selection.selectors import probation_reminder_recipients
from leadership.selection.services import probation_reminders_queue
from telework.pools.tasks import TASK_OPTIONS


def _hr_and_manager(probation: Probation) -> list[str]:
    manager = probation.staff.line_manager
    return [manager.email] if manager is not None else []


@shared_task(**TASK_OPTIONS)
def notify_appointed(probation_id: int) -> int:
    """Tell the new leader and their line manager of the appointment, the probation and the onboarding."""
    probation = Probation.objects.select_related("staff__line_manager").filter(pk=probation_id).first()
    if probation is None:
        return 0
    context = {"probation": probation, "url": absolute_url("leadership:selection-probation-detail", probation.pk)}
    return mail_send(
        template="leadership/selection/email/appointed",
        context=context,
        to=[probation.staff.email, *_hr_and_manager(probation)],
    )


@shared_task(**TASK_OPTIONS)
def notify_probation_evaluated(probation_id: int) -> int:
    probation = Probation.objects.select_related("staff").filter(pk=probation_id).first()
    if probation is None or probation.outcome == Probation.Outcome.PENDING:
        return 0
    context = {"probation": probation, "url": absolute_url("leadership:selection-probation-detail", probation.pk)}
    return mail_send(template="leadership/selection/email/evaluated", context=context, to=[probation.staff.email])


@shared_task(**TASK_OPTIONS)
def probation_reminders_daily() -> int:
    """Beat, daily: queue the reminder of each probation whose evaluation comes due (once per probation)."""
    return probation_reminders_queue()


@shared_task(**TASK_OPTIONS)
def notify_probation_due(probation_id: int) -> int:
    """Remind the line manager and HR that a probation ends and waits for its evaluation."""
    probation = (
        Probation.objects.select_related("staff__line_manager", "staff__entity__parent")
        .filter(pk=probation_id, outcome=Probation.Outcome.PENDING)
        .first()
    )
    if probation is None:
        return 0
    context = {"probation": probation, "url": absolute_url("leadership:selection-probation-detail", probation.pk)}
    return mail_send(
        template="leadership/selection/email/due", context=context, to=probation_reminder_recipients(probation)
    )
