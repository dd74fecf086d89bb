from hrportal.roles import Role, roles_of
from hrportal.scoping import hr_entities_of


def can_manage_matrix(user) -> bool:
    """Central HR keeps the organisation-wide matrix (families, functions, their classes)."""
    return bool(roles_of(user) & {Role.CENTRAL, Role.ADMIN})


def can_read_matrix(user) -> bool:
    """The whole matrix with its counts: managers, HR and central HR (staff see their own cell)."""
    return bool(roles_of(user) & {Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN})


def matrix_entities(user):
    """The entities a viewer may filter the staff counts on: HR's own entities, everything for central HR."""
    return hr_entities_of(user)
