from .audit import AuditEvent
from .catalogue import Competency, CompetencyBehaviourLevel, CompetencyCluster, Function, FunctionFamily
from .org import Entity, Evaluation, HrOfficerScope, Staff, StaffCompetency, StaffLanguage
from .parameters import PolicyParameter
from .portfolio import PortfolioAction
from .reports import ReportRun
from .users import User

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
    "PolicyParameter",
    "PortfolioAction",
    "ReportRun",
    "Staff",
    "StaffCompetency",
    "StaffLanguage",
    "User",
]
