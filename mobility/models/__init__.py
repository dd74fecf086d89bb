from .marketplace import (
    Assignment,
    Match,
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)

__all__ = [
    "Assignment",
    "Match",
    "TalentApplication",
    "TalentOffer",
    "TalentOfferCompetency",
    "TalentRequest",
    "TalentRequestCompetency",
]
