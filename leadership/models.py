"""Django loads `<app>.models`: this module gathers each part's models."""

from leadership.monitoring.models import GenderTarget, SnapshotCount
from leadership.topmanagement.models import (
    AnnualEvaluation,
    Mandate,
    MandateEvaluation,
    Registration,
    TopCandidate,
    TopSession,
    Vacancy,
)

__all__ = [
    "AnnualEvaluation",
    "GenderTarget",
    "Mandate",
    "MandateEvaluation",
    "Registration",
    "SnapshotCount",
    "TopCandidate",
    "TopSession",
    "Vacancy",
]
