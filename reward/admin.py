"""The admin of each part registers its models."""

from reward.experience import admin as experience_admin  # noqa: F401
from reward.labourmarket import admin as labourmarket_admin  # noqa: F401
from reward.matrix import admin as matrix_admin  # noqa: F401
from reward.paygap import admin as paygap_admin  # noqa: F401
from reward.upgrade import admin as upgrade_admin  # noqa: F401
