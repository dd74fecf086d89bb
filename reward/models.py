"""Django loads `<app>.models`: this module gathers each part's models."""

from reward.experience.models import ExperiencePeriod, ExperienceRequest
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod

__all__ = [
    "ExperiencePeriod",
    "ExperienceRequest",
    "FunctionReclassification",
    "StaffFunctionHistory",
    "UpgradeAllowance",
    "UpgradePeriod",
]
