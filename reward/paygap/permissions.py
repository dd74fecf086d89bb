from hrportal.roles import sees_everything


def can_see_pay_gap(user) -> bool:
    """The organisation-wide report and its justifications: central HR and admins (the report's audience)."""
    return sees_everything(user)
