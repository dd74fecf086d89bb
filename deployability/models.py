"""Django loads `<app>.models`: this module gathers each part's models."""

from deployability.careers.models import (
    FunctionProfileCompetency,
    ProjectLeaderAppointment,
    PromotionApplication,
    PromotionPost,
)
from deployability.leave.models import LeaveRequest, LeaveRight
from deployability.networks.models import (
    LearningNetwork,
    NetworkMembership,
    NetworkSession,
    SessionRegistration,
    SharedPractice,
)
from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep

__all__ = [
    "CaseTeamMember",
    "FunctionProfileCompetency",
    "LearningNetwork",
    "LeaveRequest",
    "LeaveRight",
    "NetworkMembership",
    "NetworkSession",
    "ProjectLeaderAppointment",
    "PromotionApplication",
    "PromotionPost",
    "ReintegrationCase",
    "ReintegrationStep",
    "SessionRegistration",
    "SharedPractice",
]
