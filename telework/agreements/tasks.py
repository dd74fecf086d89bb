from celery import shared_task
from django.db import OperationalError

from hrportal.notifications import mail_send
from telework.models import TeleworkAgreement

__all__ = ["telework_notify_decision", "telework_notify_request"]


def _send(*, template: str, to: str, context: dict) -> int:
    return mail_send(template=f"telework/agreements/email/{template}", context=context, to=[to])


@shared_task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=5, soft_time_limit=30)
def telework_notify_request(agreement_id: int) -> int:
    """Tell the line manager that a request waits for them. Harmless to re-run once decided: sends nothing."""
    agreement = (
        TeleworkAgreement.objects.select_related("staff__line_manager")
        .filter(pk=agreement_id, status=TeleworkAgreement.Status.REQUESTED)
        .first()
    )
    if agreement is None or agreement.staff.line_manager is None:
        return 0
    manager = agreement.staff.line_manager
    return _send(template="request", to=manager.email, context={"agreement": agreement, "manager": manager})


@shared_task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=5, soft_time_limit=30)
def telework_notify_decision(agreement_id: int) -> int:
    """Tell the staff member the line manager's decision."""
    agreement = (
        TeleworkAgreement.objects.select_related("staff", "decided_by")
        .filter(pk=agreement_id, status__in=[TeleworkAgreement.Status.APPROVED, TeleworkAgreement.Status.REFUSED])
        .first()
    )
    if agreement is None:
        return 0
    return _send(template="decision", to=agreement.staff.email, context={"agreement": agreement})
