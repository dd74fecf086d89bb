"""Django loads `<app>.models`: this module gathers each part's models."""

from reward.experience.models import ExperiencePeriod, ExperienceRequest
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory
from reward.paygap.models import PayGapJustification
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod

__all__ = [
    "ExperiencePeriod",
    "ExperienceRequest",
    "FunctionReclassification",
    "LabourMarketAllowance",
    "PayGapJustification",
    "ShortageFunction",
    "StaffFunctionHistory",
    "UpgradeAllowance",
    "UpgradePeriod",
]
