"""Django loads `<app>.models`: this module gathers each part's models."""

from mobility.international.models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)
from mobility.marketplace.models import (
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
