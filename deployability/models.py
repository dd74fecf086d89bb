"""Django loads `<app>.models`: this module gathers each part's models."""

from deployability.careers.models import (
    FunctionProfileCompetency,
    ProjectLeaderAppointment,
    PromotionApplication,
    PromotionPost,
)
from deployability.evaluations.models import EvaluationCase
from deployability.leave.models import LeaveRequest, LeaveRight, PublicHoliday
from deployability.networks.models import (
    LearningNetwork,
    NetworkMembership,
    NetworkSession,
    SessionRegistration,
    SharedPractice,
)
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
from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep

__all__ = [
    "CaseTeamMember",
    "EvaluationCase",
    "FunctionProfileCompetency",
    "GuidanceTrajectory",
    "InternalTrajectory",
    "LearningNetwork",
    "LeaveRequest",
    "LeaveRight",
    "NetworkMembership",
    "NetworkSession",
    "Offer",
    "ProjectLeaderAppointment",
    "PromotionApplication",
    "PromotionPost",
    "PublicHoliday",
    "RedeploymentCandidate",
    "ReintegrationCase",
    "ReintegrationStep",
    "SessionRegistration",
    "SharedPractice",
    "TeamMeeting",
    "TeamMember",
    "TrajectoryStep",
    "Vacancy",
    "VacancyCompetency",
]
