"""Django loads `<app>.models`: this module gathers each part's models."""

from leadership.monitoring.models import GenderTarget, SnapshotCount
from leadership.topmanagement.models import (
    AnnualEvaluation,
    Candidate,
    Mandate,
    MandateEvaluation,
    Registration,
    Session,
    Vacancy,
)

__all__ = [
    "AnnualEvaluation",
    "Candidate",
    "GenderTarget",
    "Mandate",
    "MandateEvaluation",
    "Registration",
    "Session",
    "SnapshotCount",
    "Vacancy",
]
