"""The admin of each part registers its models."""

from telework.agreements import admin as agreements_admin  # noqa: F401
from telework.climate import admin as climate_admin  # noqa: F401
from telework.pools import admin as pools_admin  # noqa: F401
