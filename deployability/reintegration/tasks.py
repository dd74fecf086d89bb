from celery import shared_task
from django.db import OperationalError

from deployability.reintegration.models import ReintegrationCase
from hrportal.notifications import absolute_url, mail_send

__all__ = ["reintegration_notify_shared"]


@shared_task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=5, soft_time_limit=30)
def reintegration_notify_shared(case_id: int) -> int:
    """Tell the line manager that the case's shared part changed (summary, a step, the outcome): the mail
    holds no medical detail, only a link to what the team shares."""
    case = ReintegrationCase.objects.select_related("staff__line_manager").filter(pk=case_id).first()
    if case is None or case.staff.line_manager is None:
        return 0
    return mail_send(
        template="deployability/reintegration/email/shared",
        context={"case": case, "url": absolute_url("deployability:reintegration-detail", case.pk)},
        to=[case.staff.line_manager.email],
    )
