"""Mail HR of the person's entity when a case opens and when dismissal becomes mandatory."""

from celery import shared_task

from deployability.evaluations.models import EvaluationCase
from deployability.redeployment.tasks import TASK_OPTIONS, hr_emails_for
from hrportal.notifications import absolute_url, mail_send


def _send(template: str, case: EvaluationCase) -> int:
    return mail_send(
        template=f"deployability/evaluations/email/{template}",
        context={"case": case, "url": absolute_url("deployability:evaluations-case-detail", case.pk)},
        to=hr_emails_for(case.staff.entity_id),
    )


@shared_task(**TASK_OPTIONS)
def notify_case_opened(case_id: int) -> int:
    case = EvaluationCase.objects.select_related("staff", "evaluation").filter(pk=case_id).first()
    if case is None or case.status != EvaluationCase.Status.DECISION:
        return 0
    return _send("case_opened", case)


@shared_task(**TASK_OPTIONS)
def notify_dismissal_required(case_id: int) -> int:
    case = (
        EvaluationCase.objects.select_related("staff", "evaluation", "second_insufficient").filter(pk=case_id).first()
    )
    if case is None or case.status != EvaluationCase.Status.DISMISSAL_REQUIRED or case.hr_notified:
        return 0
    sent = _send("dismissal_required", case)
    EvaluationCase.objects.filter(pk=case.pk).update(hr_notified=True)
    return sent
