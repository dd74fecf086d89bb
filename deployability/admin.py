"""The admin of each part registers its models."""

from deployability.leave import admin as leave_admin  # noqa: F401
