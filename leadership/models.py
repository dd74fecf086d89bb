"""Django loads `<app>.models`: this module gathers each part's models."""

from leadership.development.models import Enrolment, Module, OnboardingChecklist, OnboardingItem, Session, Trajectory
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch, MentoringMeeting
from leadership.potential.models import Assessment, AssessmentScore
from leadership.roles.models import ProfileRequirement
from leadership.selection.models import Candidate, Probation, Selection

__all__ = [
    "Assessment",
    "AssessmentScore",
    "Candidate",
    "Enrolment",
    "Mentee",
    "Mentor",
    "MentoringMatch",
    "MentoringMeeting",
    "Module",
    "OnboardingChecklist",
    "OnboardingItem",
    "Probation",
    "ProfileRequirement",
    "Selection",
    "Session",
    "Trajectory",
]
