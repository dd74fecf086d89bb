from celery import shared_task
from django.db import OperationalError

from deployability.careers.models import PromotionApplication
from hrportal.models import User
from hrportal.notifications import absolute_url, mail_send

__all__ = ["careers_notify_application"]


@shared_task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=5, soft_time_limit=30)
def careers_notify_application(application_id: int) -> int:
    """Tell the HR officers of the post's entity that someone applied."""
    application = PromotionApplication.objects.select_related("post__entity", "staff").filter(pk=application_id).first()
    if application is None:
        return 0
    officers = User.objects.filter(hr_scopes__entity=application.post.entity_id).values_list("email", flat=True)
    return mail_send(
        template="deployability/careers/email/application",
        context={"application": application, "url": absolute_url("deployability:careers-post", application.post_id)},
        to=list(officers),
    )
