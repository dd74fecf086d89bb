"""Central HR keeps the role profiles; anyone signed in reads them. A leader's comparison follows staff scope."""

from hrportal.roles import sees_everything


def can_maintain_profiles(user) -> bool:
    return sees_everything(user)
