from celery import shared_task
from django.db import OperationalError

from deployability.leave.models import LeaveRequest
from hrportal.notifications import absolute_url, mail_send

__all__ = ["leave_notify_decision", "leave_notify_request"]

RETRY = {"autoretry_for": (OperationalError, ConnectionError), "retry_backoff": True, "max_retries": 5}


@shared_task(soft_time_limit=30, **RETRY)
def leave_notify_request(request_id: int) -> int:
    """Tell the line manager (or, without one, nobody: HR sees it in the list) that a request waits.
    Harmless to re-run once decided: sends nothing."""
    leave = (
        LeaveRequest.objects.select_related("staff__line_manager", "right")
        .filter(pk=request_id, status=LeaveRequest.Status.REQUESTED)
        .first()
    )
    if leave is None or leave.staff.line_manager is None:
        return 0
    return mail_send(
        template="deployability/leave/email/request",
        context={"leave": leave, "url": absolute_url("deployability:leave-detail", leave.pk)},
        to=[leave.staff.line_manager.email],
    )


@shared_task(soft_time_limit=30, **RETRY)
def leave_notify_decision(request_id: int) -> int:
    """Tell the staff member the decision."""
    leave = (
        LeaveRequest.objects.select_related("staff", "right")
        .filter(pk=request_id, status__in=[LeaveRequest.Status.APPROVED, LeaveRequest.Status.REFUSED])
        .first()
    )
    if leave is None:
        return 0
    return mail_send(
        template="deployability/leave/email/decision",
        context={"leave": leave, "url": absolute_url("deployability:leave-detail", leave.pk)},
        to=[leave.staff.email],
    )
