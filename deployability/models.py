"""Django loads `<app>.models`: this module gathers each part's models."""

from deployability.leave.models import LeaveRequest, LeaveRight
from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep

__all__ = [
    "CaseTeamMember",
    "LeaveRequest",
    "LeaveRight",
    "ReintegrationCase",
    "ReintegrationStep",
]
