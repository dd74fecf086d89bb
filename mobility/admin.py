"""The admin of each part registers its models."""

from mobility.international import admin as international_admin  # noqa: F401
from mobility.marketplace import admin as marketplace_admin  # noqa: F401
