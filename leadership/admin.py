"""The admin of each part registers its models."""

from leadership.development import admin as development_admin  # noqa: F401
from leadership.mentoring import admin as mentoring_admin  # noqa: F401
from leadership.monitoring import admin as monitoring_admin  # noqa: F401
from leadership.potential import admin as potential_admin  # noqa: F401
from leadership.roles import admin as roles_admin  # noqa: F401
from leadership.selection import admin as selection_admin  # noqa: F401
from leadership.topmanagement import admin as topmanagement_admin  # noqa: F401
