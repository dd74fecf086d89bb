"""Django loads `<app>.models`: this module gathers each part's models."""

from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.paygap.models import PayGapJustification

__all__ = [
    "LabourMarketAllowance",
    "PayGapJustification",
    "ShortageFunction",
]
