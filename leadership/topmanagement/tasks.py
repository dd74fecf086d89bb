from smtplib import SMTPException

from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from leadership.models import AnnualEvaluation, Mandate, Registration, TopSession
from leadership.topmanagement.selectors import mailing_unsubscribe_url

TASK_OPTIONS = {
    "soft_time_limit": 60,
    "time_limit": 90,
    "ignore_result": True,
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 5,
}


def _send(template: str, context: dict, recipients: list[str]) -> int:
    return mail_send(template=f"leadership/topmanagement/email/{template}", context=context, to=recipients)


@shared_task(**TASK_OPTIONS)
def notify_mandate_evaluated(mandate_id: int) -> int:
    """Tell the top official that the end-of-mandate evaluation was recorded."""
    mandate = Mandate.objects.select_related("official", "end_evaluation").filter(pk=mandate_id).first()
    if mandate is None:
        return 0
    url = absolute_url("leadership:top-mandate-detail", mandate.pk)
    return _send("mandate_evaluated", {"mandate": mandate, "url": url}, [mandate.official.email])


@shared_task(**TASK_OPTIONS)
def notify_annual_evaluation(evaluation_id: int) -> int:
    evaluation = AnnualEvaluation.objects.select_related("official").filter(pk=evaluation_id).first()
    if evaluation is None:
        return 0
    url = absolute_url("leadership:top-mine")
    return _send("annual_evaluation", {"evaluation": evaluation, "url": url}, [evaluation.official.email])


@shared_task(**TASK_OPTIONS)
def notify_registration(registration_id: int) -> int:
    """Confirm a registration to the person who registered."""
    registration = Registration.objects.select_related("staff", "session").filter(pk=registration_id).first()
    if registration is None:
        return 0
    url = absolute_url("leadership:top-session-detail", registration.session_id)
    context = {"registration": registration, "url": url}
    if registration.mailing_opt_in:
        context["unsubscribe_url"] = mailing_unsubscribe_url(staff_id=registration.staff_id)
    return _send("registration", context, [registration.staff.email])


@shared_task(**TASK_OPTIONS)
def notify_session_cancelled(session_id: int) -> int:
    """Tell each registrant (one mail each: registrants do not see each other's address) of the cancellation."""
    session = TopSession.objects.filter(pk=session_id, cancelled_on__isnull=False).first()
    if session is None:
        return 0
    emails = session.registrations.exclude(staff__email="").values_list("staff__email", flat=True)
    url = absolute_url("leadership:top-session-detail", session.pk)
    return sum(_send("session_cancelled", {"session": session, "url": url}, [email]) for email in emails)
