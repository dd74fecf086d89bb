"""Django loads `<app>.models`: this module gathers each part's models."""

from deployability.leave.models import LeaveRequest, LeaveRight

__all__ = [
    "LeaveRequest",
    "LeaveRight",
]
