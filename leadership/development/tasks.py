from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from leadership.development.models import Enrolment
from telework.pools.tasks import TASK_OPTIONS


@shared_task(**TASK_OPTIONS)
def notify_enrolment_requested(enrolment_id: int) -> int:
    """Ask the participant's line manager to agree."""
    enrolment = (
        Enrolment.objects.select_related("staff__line_manager", "session__module").filter(pk=enrolment_id).first()
    )
    if enrolment is None or enrolment.status != Enrolment.Status.REQUESTED or enrolment.staff.line_manager is None:
        return 0
    context = {"enrolment": enrolment, "url": absolute_url("leadership:development-decisions")}
    return mail_send(
        template="leadership/development/email/requested", context=context, to=[enrolment.staff.line_manager.email]
    )


@shared_task(**TASK_OPTIONS)
def notify_enrolment_decided(enrolment_id: int) -> int:
    enrolment = Enrolment.objects.select_related("staff", "session__module").filter(pk=enrolment_id).first()
    if enrolment is None or enrolment.status not in (Enrolment.Status.AGREED, Enrolment.Status.REFUSED):
        return 0
    context = {"enrolment": enrolment, "url": absolute_url("leadership:development-index")}
    return mail_send(template="leadership/development/email/decided", context=context, to=[enrolment.staff.email])
