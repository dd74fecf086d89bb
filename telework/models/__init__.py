from .agreements import TeleworkAgreement, TeleworkExplanation
from .pools import (
    ClimateParticipation,
    ClimateResponse,
    ClimateRound,
    Pool,
    PoolAssignment,
    PoolMember,
    SupportRequest,
)

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
