"""Django loads `<app>.models`: this module gathers each part's models."""

from telework.agreements.models import TeleworkAgreement, TeleworkExplanation
from telework.climate.models import ClimateParticipation, ClimateResponse, ClimateRound
from telework.pools.models import Pool, PoolAssignment, PoolMember, SupportRequest

__all__ = [
    "ClimateParticipation",
    "ClimateResponse",
    "ClimateRound",
    "Pool",
    "PoolAssignment",
    "PoolMember",
    "SupportRequest",
    "TeleworkAgreement",
    "TeleworkExplanation",
]
