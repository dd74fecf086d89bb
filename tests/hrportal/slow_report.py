"""A report that takes its time, for the worker-kill scenario: loaded by the test and, through
`celery worker --include`, by the real worker."""

import time

from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role

STEPS = 40
STEP_SECONDS = 0.25


def build(*, run, progress):
    for step in range(STEPS):
        time.sleep(STEP_SECONDS)
        progress(5 + step * 90 // STEPS)
    return ReportResult(columns=[("attempt", "attempt")], rows=[{"attempt": run.attempts}])


register(
    ReportDefinition(
        kind="test_slow",
        title="Slow test report",
        description="Ten seconds of work in forty steps.",
        build=build,
        audience=frozenset({Role.CENTRAL}),
    )
)
