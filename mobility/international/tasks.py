from celery import shared_task
from django.db import OperationalError
from django.urls import reverse

from hrportal.models import Entity, HrOfficerScope, User
from hrportal.notifications import mail_send
from mobility.models import MobilityApplication


def _send(*, template: str, application: MobilityApplication, to: str) -> None:
    mail_send(
        template=f"mobility/international/email/{template}",
        context={"application": application, "url": reverse("mobility:intl-application-detail", args=[application.pk])},
        to=[to],
    )


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


def _hr_emails_for(entity_id: int) -> list[str]:
    """HR officers whose scope covers the entity (it or an ancestor); central HR when there are none."""
    chain, current = [], Entity.objects.filter(pk=entity_id).values("id", "parent_id").first()
    while current is not None and len(chain) < 10:
        chain.append(current["id"])
        current = Entity.objects.filter(pk=current["parent_id"]).values("id", "parent_id").first()
    emails = set(
        HrOfficerScope.objects.filter(entity_id__in=chain).exclude(user__email="").values_list("user__email", flat=True)
    )
    if not emails:
        emails = set(User.objects.filter(is_central_hr=True).exclude(email="").values_list("email", flat=True))
    return sorted(emails)


@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def notify_host_answer_needed(application_id: int) -> int:
    """After the manager's agreement, HR asks the host for its green light: tell HR of the entity."""
    application = MobilityApplication.objects.select_related("call", "staff").filter(pk=application_id).first()
    if application is None or application.status != MobilityApplication.Status.AWAITING_HOST:
        return 0
    emails = _hr_emails_for(application.staff.entity_id)
    for email in emails:
        _send(template="host_needed", application=application, to=email)
    return len(emails)
