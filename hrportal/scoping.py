"""The one place that answers: which staff records may this user see, and act on?

- everyone: their own record;
- a line manager: their team, direct and indirect reports (the line-manager tree);
- an HR officer: the staff of their entities and every entity below them;
- central HR and admins: everyone.

Every page, API endpoint and selector that lists or fetches staff data goes through these functions;
ids outside the result answer 404.
"""

from django.db.models import Field, Lookup, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404

from hrportal.models import Entity, Staff
from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything, staff_of

# Recursive queries work the same on PostgreSQL and SQLite; both walk an indexed foreign key.
_TEAM_SQL = f"""
    WITH RECURSIVE team(id) AS (
        SELECT id FROM {Staff._meta.db_table} WHERE line_manager_id = %s
        UNION
        SELECT s.id FROM {Staff._meta.db_table} s JOIN team t ON s.line_manager_id = t.id
    ) SELECT id FROM team
"""
_ENTITY_SUBTREE_SQL = f"""
    WITH RECURSIVE subtree(id) AS (
        SELECT CAST(%s AS BIGINT)
        UNION
        SELECT e.id FROM {Entity._meta.db_table} e JOIN subtree t ON e.parent_id = t.id
    ) SELECT id FROM subtree
"""


def team_ids_sql(manager_id: int) -> RawSQL:
    return RawSQL(_TEAM_SQL, [manager_id])


def entity_subtree_ids_sql(entity_id: int) -> RawSQL:
    return RawSQL(_ENTITY_SUBTREE_SQL, [entity_id])


def staff_scope_q(user, *, prefix: str = "", key: str = "pk") -> Q:
    """A filter on Staff (or on a model reaching Staff through `prefix`, e.g. "staff__") for `user`. `key`
    names the staff id on a model that holds it and the staff member's `entity_id` itself: the directory's
    search entries ("staff_id")."""
    if not user.is_authenticated:
        return Q(**{f"{key}__in": []})
    if sees_everything(user):
        return Q()
    roles = roles_of(user)
    me = staff_of(user)
    if prefix and me is None and Role.HR not in roles:
        return Q(**{f"{prefix}pk__in": []})
    key = "pk" if prefix else key
    q = Q(**{f"{key}__in": []})
    if me is not None:
        q |= Q(**{key: me.pk})
        if Role.MANAGER in roles:
            team = team_ids_sql(me.pk)
            if prefix:  # through a relation, the team as an array too: the staff rows are then read by their key
                q |= Q(pk__in_staff_scope=Staff.objects.filter(pk__in=team).order_by().values("pk"))
            else:
                q |= Q(**{f"{key}__in": team})
    if Role.HR in roles:
        q |= Q(entity_id__in=hr_entity_ids(user))
    return staff_subquery_q(q, prefix=prefix) if prefix else q


@Field.register_lookup
class InStaffScope(Lookup):
    """`column IN (subquery)`, written `column = ANY(ARRAY(subquery))` on PostgreSQL: the staff ids are then
    computed once, first, and the rows are fetched by index. As a plain IN the planner joins the subquery,
    and for some tables chose to walk the whole staff primary key (40 ms for a list of 1,400 rows)."""

    lookup_name = "in_staff_scope"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)
        return f"{lhs} IN {rhs}", (*lhs_params, *rhs_params)


def staff_subquery_q(staff_q: Q, *, prefix: str) -> Q:
    """A filter on a model reaching Staff through `prefix` ("staff__"): its staff are those `staff_q` selects.
    Written as an OR of the row's own column and the staff member's entity (a join), the scope made PostgreSQL
    join all 100,000 staff rows before filtering (a list of 2,000 cases: 45 ms instead of 1 ms)."""
    return Q(**{f"{prefix}pk__in_staff_scope": Staff.objects.filter(staff_q).order_by().values("pk")})


def staff_visible_to(user) -> QuerySet[Staff]:
    return Staff.objects.filter(staff_scope_q(user))


def staff_get_visible(*, user, staff_id) -> Staff:
    try:
        return staff_visible_to(user).get(pk=staff_id)
    except (Staff.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def hr_entities_of(user) -> QuerySet[Entity]:
    """The entities an HR officer works for (with their subtrees); everything for central HR."""
    if sees_everything(user):
        return Entity.objects.all()
    if Role.HR not in roles_of(user):
        return Entity.objects.none()
    return Entity.objects.filter(pk__in=hr_entity_ids(user))


def is_in_team(*, manager: Staff, staff: Staff) -> bool:
    return Staff.objects.filter(pk=staff.pk, pk__in=team_ids_sql(manager.pk)).exists()


def can_manage_staff(*, user, staff: Staff) -> bool:
    """May `user` take a line-manager decision about `staff` (their direct or indirect report)?"""
    me = staff_of(user)
    return me is not None and me.pk != staff.pk and is_in_team(manager=me, staff=staff)


def can_work_hr_case(*, user, staff: Staff) -> bool:
    """May `user` act as HR on `staff` (HR officer of their entity, or central HR)?"""
    if sees_everything(user):
        return True
    return Role.HR in roles_of(user) and hr_entities_of(user).filter(pk=staff.entity_id).exists()


def can_edit_profile(*, user, staff: Staff) -> bool:
    """Competencies and languages are kept by the staff member, or by HR for them."""
    me = staff_of(user)
    return (me is not None and me.pk == staff.pk) or can_work_hr_case(user=user, staff=staff)


# --- Which fields of a person a viewer may see --------------------------------------------------------
# Pay (salary scale, salary, allowances, recognised experience) and gender are for the person, HR of their
# entity and central HR; a line manager sees the work-related record. The staff page, the API serializers
# and the reward app's pay figures all ask here.
PAY_FIELDS = frozenset({"salary_scale", "gross_monthly_salary", "allowances", "recognised_experience"})
GENDER_FIELDS = frozenset({"gender"})


def can_see_pay(*, user, staff: Staff) -> bool:
    me = staff_of(user)
    return (me is not None and me.pk == staff.pk) or can_work_hr_case(user=user, staff=staff)


def can_see_gender(*, user, staff: Staff) -> bool:
    return can_see_pay(user=user, staff=staff)


def staff_fields_hidden(*, user, staff: Staff) -> frozenset[str]:
    """The names of `staff`'s fields that `user` may not see (empty for the person and their HR)."""
    hidden = set()
    if not can_see_pay(user=user, staff=staff):
        hidden |= PAY_FIELDS
    if not can_see_gender(user=user, staff=staff):
        hidden |= GENDER_FIELDS
    return frozenset(hidden)


# --- Medical details of a re-integration case -------------------------------------------------------
# Stricter than pay: the person themself, the case's social-medical team and HR officers of the person's
# entity. Central HR (and an admin account on the pages) sees that a case exists, its steps and outcome
# for figures across entities, but not the medical details; a line manager sees only what the team shares
# with them (the case's shared summary and the work arrangements). Pages, API, exports and reports ask here.


def can_see_medical(*, user, staff: Staff, team_staff_ids=()) -> bool:
    """May `user` read the medical details about `staff` (`team_staff_ids`: the case's team members)?"""
    me = staff_of(user)
    if me is not None and (me.pk == staff.pk or me.pk in set(team_staff_ids)):
        return True
    return Role.HR in roles_of(user) and staff.entity_id in hr_entity_ids(user)


# --- Assessment results (leadership potential) ----------------------------------------------------------
# Assessment results are personal: the person and HR (of their entity, and central HR) see them, no one
# else — not the line manager, not an assessor who is not HR. Pages, API, exports and the talent pool ask here.
def can_see_assessment(*, user, staff: Staff) -> bool:
    return can_see_pay(user=user, staff=staff)


def assessment_scope_q(user, *, prefix: str = "staff__") -> Q:
    """A filter on a model reaching the assessed person through `prefix`: their own, and HR's entities'."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    if sees_everything(user):
        return Q()
    q = Q(pk__in=[])
    me = staff_of(user)
    if me is not None:
        q |= Q(**{f"{prefix}pk": me.pk})
    if Role.HR in roles_of(user):
        q |= Q(**{f"{prefix}entity_id__in": hr_entity_ids(user)})
    return q
