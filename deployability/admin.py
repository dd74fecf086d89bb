"""The admin of each part registers its models."""

from deployability.careers import admin as careers_admin  # noqa: F401
from deployability.evaluations import admin as evaluations_admin  # noqa: F401
from deployability.leave import admin as leave_admin  # noqa: F401
from deployability.networks import admin as networks_admin  # noqa: F401
from deployability.redeployment import admin as redeployment_admin  # noqa: F401
from deployability.reintegration import admin as reintegration_admin  # noqa: F401
