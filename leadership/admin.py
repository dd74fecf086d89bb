"""The admin of each part registers its models."""

from leadership.monitoring import admin as monitoring_admin  # noqa: F401
from leadership.topmanagement import admin as topmanagement_admin  # noqa: F401
