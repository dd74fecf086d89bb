from hrportal.audit.models import AuditEvent
from hrportal.jobs.models import OutboxMessage
from hrportal.models.catalogue import Competency, CompetencyBehaviourLevel, CompetencyCluster, Function, FunctionFamily
from hrportal.models.org import (
    Entity,
    Evaluation,
    HrOfficerScope,
    Staff,
    StaffCompetency,
    StaffLanguage,
    StaffSearchEntry,
)
from hrportal.models.portfolio import PortfolioAction
from hrportal.models.users import User
from hrportal.parameters.models import PolicyParameter
from hrportal.reports.models import ReportRun

__all__ = [
    "AuditEvent",
    "Competency",
    "CompetencyBehaviourLevel",
    "CompetencyCluster",
    "Entity",
    "Evaluation",
    "Function",
    "FunctionFamily",
    "HrOfficerScope",
    "OutboxMessage",
    "PolicyParameter",
    "PortfolioAction",
    "ReportRun",
    "Staff",
    "StaffCompetency",
    "StaffLanguage",
    "StaffSearchEntry",
    "User",
]
