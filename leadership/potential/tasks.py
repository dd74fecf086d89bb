from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from leadership.potential.models import Assessment
from telework.pools.tasks import TASK_OPTIONS


@shared_task(**TASK_OPTIONS)
def notify_assessment_recorded(assessment_id: int) -> int:
    """Tell the person their assessment can be read (the mail holds no result: it is personal)."""
    assessment = Assessment.objects.select_related("staff").filter(pk=assessment_id).first()
    if assessment is None:
        return 0
    context = {"assessment": assessment, "url": absolute_url("leadership:potential-detail", assessment.pk)}
    return mail_send(template="leadership/potential/email/recorded", context=context, to=[assessment.staff.email])
