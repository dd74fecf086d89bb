from celery import shared_task
from django.db import OperationalError

from deployability.networks.models import NetworkMembership, SharedPractice
from hrportal.notifications import absolute_url, mail_send

__all__ = ["networks_notify_practice"]


@shared_task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=5, soft_time_limit=60)
def networks_notify_practice(practice_id: int) -> int:
    """Tell the network's other members that a practice was shared (one mail, members in copy-free To)."""
    practice = SharedPractice.objects.select_related("network").filter(pk=practice_id).first()
    if practice is None:
        return 0
    sent = 0
    emails = list(
        NetworkMembership.objects.filter(network_id=practice.network_id)
        .exclude(staff_id=practice.author_id)
        .values_list("staff__email", flat=True)
    )
    url = absolute_url("deployability:networks-detail", practice.network_id)
    for email in emails:  # one mail each: members do not see each other's addresses
        sent += mail_send(
            template="deployability/networks/email/practice", context={"practice": practice, "url": url}, to=[email]
        )
    return sent
