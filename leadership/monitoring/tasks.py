from celery import shared_task

from leadership.monitoring.services import snapshot_take


@shared_task(soft_time_limit=300, time_limit=360, ignore_result=True)
def snapshot_take_yearly() -> int:
    """The yearly snapshot (beat, 1 January): this year's counts per entity x tier x gender. Running it
    again the same year replaces that year's cells, so a second delivery is harmless."""
    return snapshot_take()
