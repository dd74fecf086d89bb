"""Django loads `<app>.models`: this module gathers each part's models."""

from deployability.evaluations.models import EvaluationCase
from deployability.redeployment.models import (
    GuidanceTrajectory,
    InternalTrajectory,
    Offer,
    RedeploymentCandidate,
    TeamMeeting,
    TeamMember,
    TrajectoryStep,
    Vacancy,
    VacancyCompetency,
)

__all__ = [
    "EvaluationCase",
    "GuidanceTrajectory",
    "InternalTrajectory",
    "Offer",
    "RedeploymentCandidate",
    "TeamMeeting",
    "TeamMember",
    "TrajectoryStep",
    "Vacancy",
    "VacancyCompetency",
]
