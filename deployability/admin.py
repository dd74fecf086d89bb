"""The admin of each part registers its models."""

from deployability.evaluations import admin as evaluations_admin  # noqa: F401
from deployability.redeployment import admin as redeployment_admin  # noqa: F401
