"""Audit event types of insufficient-evaluation cases."""

from django.utils.translation import gettext_lazy as _

from deployability.evaluations.models import EvaluationCase
from hrportal.audit.registry import EventType, register_events

register_events(
    EventType("deployability.evaluation_case.opened", _("Insufficient-evaluation case opened"), model=EvaluationCase),
    EventType(
        "deployability.evaluation_case.dismissed_special",
        _("Dismissal in special circumstances after an insufficient"),
        model=EvaluationCase,
    ),
    EventType(
        "deployability.evaluation_case.guidance", _("Guidance started after an insufficient"), model=EvaluationCase
    ),
    EventType("deployability.evaluation_case.evaluation", _("Next evaluation recorded"), model=EvaluationCase),
    EventType(
        "deployability.evaluation_case.dismissal_required",
        _("Second insufficient: dismissal mandatory"),
        model=EvaluationCase,
    ),
    EventType(
        "deployability.evaluation_case.dismissed_mandatory", _("Mandatory dismissal decided"), model=EvaluationCase
    ),
    EventType(
        "deployability.evaluation_case.service_ended",
        _("Out of service after the dismissal decision"),
        model=EvaluationCase,
    ),
    EventType("deployability.evaluation_case.closed", _("Insufficient-evaluation case closed"), model=EvaluationCase),
)
