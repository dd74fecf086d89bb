"""The admin of each part registers its models."""

from reward.labourmarket import admin as labourmarket_admin  # noqa: F401
from reward.paygap import admin as paygap_admin  # noqa: F401
