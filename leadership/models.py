"""Django loads `<app>.models`: this module gathers each part's models."""

from leadership.development.models import Enrolment, Module, OnboardingChecklist, OnboardingItem, Session, Trajectory
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch, MentoringMeeting
from leadership.monitoring.models import GenderTarget, SnapshotCount
from leadership.potential.models import Assessment, AssessmentScore
from leadership.roles.models import ProfileRequirement
from leadership.selection.models import Candidate, Probation, Selection
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
    "Assessment",
    "AssessmentScore",
    "Candidate",
    "Enrolment",
    "GenderTarget",
    "Mandate",
    "MandateEvaluation",
    "Mentee",
    "Mentor",
    "MentoringMatch",
    "MentoringMeeting",
    "Module",
    "OnboardingChecklist",
    "OnboardingItem",
    "Probation",
    "ProfileRequirement",
    "Registration",
    "Selection",
    "Session",
    "SnapshotCount",
    "TopCandidate",
    "TopSession",
    "Trajectory",
    "Vacancy",
]
