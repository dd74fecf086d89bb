from smtplib import SMTPException

from celery import shared_task

from hrportal.models import User
from hrportal.notifications import absolute_url, mail_send
from telework.models import PoolAssignment, PoolMember, SupportRequest

# A mail server that is down or slow is transient: retry with backoff. Anything else is a bug and fails.
TASK_OPTIONS = {
    "soft_time_limit": 60,
    "time_limit": 90,
    "ignore_result": True,
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 5,
}


def _send(*, template: str, context: dict, recipients: list[str]) -> int:
    return mail_send(template=f"telework/pools/email/{template}", context=context, to=recipients)


def _url(name: str, *args) -> str:
    return absolute_url(name, *args)


@shared_task(**TASK_OPTIONS)
def notify_support_requested(request_id: int) -> int:
    """Tell the pool's coordinator that a request waits in the queue."""
    request = SupportRequest.objects.select_related("pool", "entity", "requested_by").filter(pk=request_id).first()
    if request is None or request.status != SupportRequest.Status.OPEN:
        return 0
    coordinators = PoolMember.objects.filter(pool=request.pool, is_coordinator=True, is_active=True)
    emails = [m.staff.email for m in coordinators.select_related("staff")]
    return _send(
        template="request_created",
        context={"request": request, "url": _url("telework:pools-request-detail", request.pk)},
        recipients=emails,
    )


@shared_task(**TASK_OPTIONS)
def notify_assignment_created(assignment_id: int) -> int:
    """Tell the member of a new assignment, and the requester that their request was assigned."""
    assignment = (
        PoolAssignment.objects.select_related("member__staff", "request__requested_by", "request__entity")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None:
        return 0
    context = {
        "assignment": assignment,
        "request": assignment.request,
        "url": _url("telework:pools-request-detail", assignment.request_id),
    }
    sent = _send(template="assignment_member", context=context, recipients=[assignment.member.staff.email])
    requester: User | None = assignment.request.requested_by
    if requester is not None:
        sent += _send(template="assignment_requester", context=context, recipients=[requester.email])
    return sent


@shared_task(**TASK_OPTIONS)
def notify_request_declined(request_id: int) -> int:
    request = SupportRequest.objects.select_related("requested_by", "entity").filter(pk=request_id).first()
    if request is None or request.status != SupportRequest.Status.DECLINED or request.requested_by is None:
        return 0
    return _send(
        template="request_declined",
        context={"request": request, "url": _url("telework:pools-request-detail", request.pk)},
        recipients=[request.requested_by.email],
    )
