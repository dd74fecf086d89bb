"""Who someone is in the portal. Roles are derived from data, never stored as a free-form field."""

from django.db import connection, models
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from hrportal.models import Entity, HrOfficerScope, Staff


class Role(models.TextChoices):
    STAFF = "staff", _("staff member")
    MANAGER = "manager", _("line manager")
    HR = "hr", _("HR officer")
    CENTRAL = "central", _("central HR")
    ADMIN = "admin", _("administrator")


def roles_of(user) -> frozenset[str]:
    """The roles of `user`, computed once per request object."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_hrportal_roles", None)
    if cached is not None:
        return cached
    roles = set()
    staff = staff_of(user)
    if staff is not None:
        roles.add(Role.STAFF)
    # One query answers both questions: the HR officer's entities with their subtrees (read once, so that
    # queries then filter on a short list of ids, which PostgreSQL estimates well), and whether the person
    # manages anyone (a 0 row).
    with connection.cursor() as cursor:
        cursor.execute(_ROLES_SQL, [user.pk, staff.pk if staff is not None else -1])
        ids = sorted(row[0] for row in cursor.fetchall())
    if ids and ids[0] == 0:
        roles.add(Role.MANAGER)
        ids = ids[1:]
    user._hrportal_hr_entity_ids = tuple(ids)
    if ids:
        roles.add(Role.HR)
    if user.is_central_hr:
        roles.add(Role.CENTRAL)
    if user.is_superuser:
        roles.add(Role.ADMIN)
    user._hrportal_roles = frozenset(roles)
    return user._hrportal_roles


# An HR officer's entities: those of their scopes and every entity below them (works on PostgreSQL and SQLite).
_HR_SUBTREE_SQL = f"""
    WITH RECURSIVE subtree(id) AS (
        SELECT entity_id FROM {HrOfficerScope._meta.db_table} WHERE user_id = %s
        UNION
        SELECT e.id FROM {Entity._meta.db_table} e JOIN subtree t ON e.parent_id = t.id
    ) SELECT id FROM subtree
"""


_ROLES_SQL = f"""
    WITH RECURSIVE subtree(id) AS (
        SELECT entity_id FROM {HrOfficerScope._meta.db_table} WHERE user_id = %s
        UNION
        SELECT e.id FROM {Entity._meta.db_table} e JOIN subtree t ON e.parent_id = t.id
    )
    SELECT id FROM subtree
    UNION ALL
    SELECT 0 WHERE EXISTS (
        SELECT 1 FROM {Staff._meta.db_table} WHERE line_manager_id = %s AND is_active
    )
"""


def hr_entity_ids_sql(user_id: int) -> RawSQL:
    return RawSQL(_HR_SUBTREE_SQL, [user_id])


def hr_entity_ids(user) -> tuple[int, ...]:
    """The ids of the entities an HR officer works for, their subtrees included (empty for others)."""
    if not user.is_authenticated:
        return ()
    roles_of(user)
    return user._hrportal_hr_entity_ids


def staff_of(user):
    """The staff record of `user`, or None (an admin account need not be a staff member)."""
    if not user.is_authenticated:
        return None
    try:
        return user.staff
    except user.__class__.staff.RelatedObjectDoesNotExist:
        return None


def sees_everything(user) -> bool:
    """Central HR and admins: decided by the account alone, without the queries of roles_of()."""
    return bool(user.is_authenticated and (user.is_central_hr or user.is_superuser))
