from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from leadership.selection.models import Probation
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
