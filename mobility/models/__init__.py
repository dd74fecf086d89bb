from .international import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)
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
    "Detachment",
    "ExpenseClaim",
    "ExternalApplicant",
    "ExternalVacancy",
    "HostOrganisation",
    "Match",
    "MobilityApplication",
    "MobilityCall",
    "TalentApplication",
    "TalentOffer",
    "TalentOfferCompetency",
    "TalentRequest",
    "TalentRequestCompetency",
]
