from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import OperationalError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import MobilityApplication


def _send(*, template: str, application: MobilityApplication, to: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "application": application,
            "url": reverse("mobility:intl-application-detail", args=[application.pk]),
        }
        subject = render_to_string(f"mobility/international/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"mobility/international/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def notify_application_submitted(application_id: int) -> bool:
    """Tell the line manager that an application waits for their agreement."""
    application = (
        MobilityApplication.objects.select_related("call", "staff__line_manager").filter(pk=application_id).first()
    )
    if application is None or application.status != MobilityApplication.Status.SUBMITTED:
        return False
    manager = application.staff.line_manager
    if manager is None or not manager.email:
        return False
    _send(template="submitted", application=application, to=manager.email)
    return True


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def notify_application_decided(application_id: int) -> bool:
    """Tell the applicant about the manager's or the host's decision."""
    application = MobilityApplication.objects.select_related("call", "staff").filter(pk=application_id).first()
    if application is None or not application.staff.email:
        return False
    _send(template="decided", application=application, to=application.staff.email)
    return True
