from smtplib import SMTPException

from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from reward.upgrade.services import upgrade_expiry_notices_queue

TASK_OPTIONS = {
    "soft_time_limit": 60,
    "time_limit": 90,
    "ignore_result": True,
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 5,
}


@shared_task(**TASK_OPTIONS)
def upgrade_expiry_notices_daily() -> int:
    """Beat, daily: queue one e-mail per allowance period that comes within the notice days of its end."""
    return upgrade_expiry_notices_queue()


@shared_task(**TASK_OPTIONS)
def notify_allowance_expiring(period_id: int) -> int:
    """Tell the holder's line manager (else who granted it) that the allowance ends soon."""
    period = (
        UpgradePeriod.objects.select_related(
            "allowance__holder__line_manager", "allowance__granted_by", "allowance__function"
        )
        .filter(pk=period_id)
        .first()
    )
    if period is None or period.cancelled or period.allowance.status != UpgradeAllowance.Status.ACTIVE:
        return 0
    allowance = period.allowance
    manager = allowance.holder.line_manager
    recipients = [manager.email] if manager is not None else []
    if not recipients and allowance.granted_by is not None:
        recipients = [allowance.granted_by.email]
    return mail_send(
        template="reward/upgrade/email/expiring",
        context={
            "allowance": allowance,
            "period": period,
            "url": absolute_url("reward:upgrade-detail", allowance.pk),
        },
        to=recipients,
    )
