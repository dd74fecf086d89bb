from celery import shared_task
from django.utils import timezone

from hrportal.reports.services import report_run_request
from reward.paygap.reports import KIND


@shared_task(ignore_result=True)
def pay_gap_report_yearly() -> int:
    """Beat (15 January, through the outbox): the pay-transparency report for the year that just ended."""
    return report_run_request(kind=KIND, parameters={"year": timezone.localdate().year - 1}).pk
