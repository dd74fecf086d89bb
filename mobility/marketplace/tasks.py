"""Celery jobs of the marketplace: thin wrappers taking ids; re-running one is harmless (set-wise replace)."""

from celery import shared_task
from django.conf import settings

from hrportal.models import Staff
from hrportal.notifications import mail_send
from mobility.marketplace import matching
from mobility.marketplace.services import marketplace_expire as expire
from mobility.models import TalentApplication

LIMITS = {"soft_time_limit": 300, "time_limit": 360}


@shared_task(**LIMITS)
def match_refresh_request(request_id: int) -> int:
    return matching.match_refresh_requests(request_ids=[request_id])


@shared_task(**LIMITS)
def match_refresh_offer(offer_id: int) -> int:
    return matching.match_refresh_offers(offer_ids=[offer_id])


# The longest job: its limits are settings, and the broker's visibility timeout is derived from them.
# Long jobs commit as they go and record a heartbeat (outbox_atomic=False); rerunning one recomputes.
@shared_task(
    outbox_atomic=False,
    soft_time_limit=settings.CELERY_LONG_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_LONG_TASK_TIME_LIMIT,
)
def match_rematch_all() -> dict:
    return matching.match_rematch_all()


@shared_task(outbox_atomic=False, **LIMITS)
def marketplace_expire() -> dict:
    return expire()


def _recipients(application, event: str) -> list:
    """Who must act (or learn the outcome) after `event`."""
    provider = application.offer.staff
    requester = application.request.owner
    if event == "consent_needed":
        return [m for m in [provider.line_manager] if m is not None]
    if event == "invited":
        return [provider]
    if event == "consented":
        return [requester]
    if event in ("refused", "accepted", "declined"):
        people = [provider, requester]
        if event == "accepted" and provider.line_manager_id:
            people.append(Staff.objects.get(pk=provider.line_manager_id))
        return people
    return []


@shared_task(autoretry_for=(ConnectionError, OSError), retry_backoff=True, max_retries=5, **LIMITS)
def notify_application(application_id: int, event: str) -> int:
    application = (
        TalentApplication.objects.select_related("offer__staff__line_manager", "request__owner")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        return 0
    sent = 0
    for person in _recipients(application, event):
        context = {"application": application, "person": person, "event": event}
        sent += mail_send(template="mobility/marketplace/email/application", context=context, to=[person.email])
    return sent
