"""The matrix's public reads. Deployability and leadership read the matrix only through these functions:

- `function_class_on(staff=, on=)`: the function class that applied to a person on a date (their history,
  else the class their current function had on that date);
- `function_class_of(function=, on=)`: the class a function had on a date (its reclassifications);
- `functions_one_class_up(staff=)`: the functions one class above a person's own, in their family and the
  neighbouring families (the paths a career step or a function upgrade can take);
- `matrix_cells(entity_id=)`: number of functions and staff per family x class, in two queries whatever the size.
"""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Q

from hrportal.models import Function, FunctionFamily, Staff
from hrportal.pagination import LARGE_COUNT, LARGE_COUNT_SECONDS
from hrportal.scoping import entity_subtree_ids_sql
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory

CLASSES = list(range(Function.MIN_CLASS, Function.MAX_CLASS + 1))


def function_class_of(*, function: Function, on: date) -> int:
    """The class of `function` on `on`: the latest reclassification in force then, else the class it had
    before the first later one, else its class now."""
    rows = list(
        FunctionReclassification.objects.filter(function=function)
        .order_by("effective_date", "id")
        .values_list("effective_date", "from_class", "to_class")
    )
    current = function.function_class
    for effective, from_class, to_class in reversed(rows):
        if effective <= on:
            return to_class
        current = from_class
    return current


def function_class_on(*, staff: Staff, on: date) -> int | None:
    """The function class that applied to `staff` on `on` (None if the person had no function in the matrix)."""
    row = (
        StaffFunctionHistory.objects.filter(staff=staff, valid_from__lte=on)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .order_by("-valid_from")
        .values_list("function_class", flat=True)
        .first()
    )
    if row is not None:
        return row
    if staff.function_id is None:
        return None
    return function_class_of(function=staff.function, on=on)


def function_history(*, staff: Staff):
    return StaffFunctionHistory.objects.filter(staff=staff).select_related("function__family").order_by("-valid_from")


def neighbouring_families(*, family: FunctionFamily | None) -> list[FunctionFamily]:
    """The family itself and the families next to it by position (top management: none)."""
    if family is None:
        return []
    families = list(active_families())
    index = next((i for i, f in enumerate(families) if f.pk == family.pk), None)
    if index is None:
        return [family]
    return families[max(index - 1, 0) : index + 2]


def functions_one_class_up(*, staff: Staff):
    """The functions one class above the person's own, in their family and the neighbouring ones."""
    if staff.function_id is None or staff.function.family_id is None:
        return Function.objects.none()
    families = neighbouring_families(family=staff.function.family)
    return Function.objects.filter(
        family__in=families, function_class=staff.function.function_class + 1
    ).select_related("family")


def functions_at_least_above(*, function_class: int, difference: int):
    return Function.objects.filter(function_class__gte=function_class + difference).select_related("family")


@dataclass(frozen=True)
class Cell:
    family_id: int | None
    function_class: int
    functions: int
    staff: int


def active_staff_per_function(*, entity_id: int | None = None) -> dict[int, int]:
    """Active staff per function id (with `entity_id`: in that entity and the entities below it), in one query.
    The counts of a large organisation are kept for a minute, as the core keeps a long list's total
    (hrportal.pagination): counting 100,000 staff costs PostgreSQL a scan of the whole table on every view."""
    key = f"reward:matrix:staff-per-function:{entity_id or 'all'}"
    counts = cache.get(key)
    if counts is None:
        staff = Staff.objects.filter(is_active=True, function__isnull=False)
        if entity_id is not None:
            staff = staff.filter(entity_id__in=entity_subtree_ids_sql(entity_id))
        rows = staff.order_by().values_list("function_id").annotate(n=Count("id"))
        counts = dict(rows)
        if sum(counts.values()) >= LARGE_COUNT:
            cache.set(key, counts, LARGE_COUNT_SECONDS)
    return counts


def matrix_cells(*, entity_id: int | None = None) -> dict[tuple[int | None, int], Cell]:
    """Functions and active staff per (family, class): the catalogue's functions in one query, their staff in
    another (active_staff_per_function). With `entity_id` the staff count covers that entity and the entities
    below it (the functions stay the whole catalogue's)."""
    staff = active_staff_per_function(entity_id=entity_id)
    functions: dict[tuple[int | None, int], int] = {}
    counted: dict[tuple[int | None, int], int] = {}
    for pk, family_id, function_class in Function.objects.order_by().values_list("pk", "family_id", "function_class"):
        key = (family_id, function_class)
        functions[key] = functions.get(key, 0) + 1
        counted[key] = counted.get(key, 0) + staff.get(pk, 0)
    return {key: Cell(key[0], key[1], n, counted[key]) for key, n in functions.items()}


def cell_functions(*, family_id: int | None, function_class: int, entity_id: int | None = None):
    staff_filter = Q(staff__is_active=True)
    if entity_id is not None:
        staff_filter &= Q(staff__entity_id__in=entity_subtree_ids_sql(entity_id))
    return (
        Function.objects.filter(family_id=family_id, function_class=function_class)
        .annotate(staff_count=Count("staff", filter=staff_filter))
        .select_related("family")
        .order_by("name")
    )


def staff_in_matrix_count() -> int:
    return Staff.objects.filter(is_active=True, function__isnull=False).count()


@dataclass(frozen=True)
class Grid:
    families: list  # FunctionFamily, then None for top management (outside the families)
    rows: list  # (class, [Cell | None per family])
    total_functions: int
    total_staff: int


def matrix_grid(*, entity_id: int | None = None) -> Grid:
    """The matrix as a table: classes 20 down to 7 as rows, the families (and top management) as columns."""
    cells = matrix_cells(entity_id=entity_id)
    families = list(active_families()) + [None]
    rows = []
    for function_class in reversed(CLASSES):
        rows.append((function_class, [cells.get((f.pk if f else None, function_class)) for f in families]))
    return Grid(
        families=families,
        rows=rows,
        total_functions=sum(c.functions for c in cells.values()),
        total_staff=sum(c.staff for c in cells.values()),
    )


def function_list(*, family_id: int | None = None, query: str = "", counted: bool = True):
    """The catalogue's functions, each with `staff_count` (active staff) unless `counted` is False: a page then
    reads its rows' counts from active_staff_per_function (with_staff_counts) instead of joining every staff row."""
    qs = Function.objects.select_related("family")
    if counted:
        qs = qs.annotate(staff_count=Count("staff", filter=Q(staff__is_active=True)))
    if family_id is not None:
        qs = qs.filter(family_id=family_id)
    if query:
        qs = qs.filter(name__icontains=query)
    return qs.order_by("family__position", "function_class", "name")


def with_staff_counts(functions) -> list[Function]:
    """`functions` (a page of them) with `staff_count` set from active_staff_per_function."""
    staff = active_staff_per_function()
    rows = list(functions)
    for function in rows:
        function.staff_count = staff.get(function.pk, 0)
    return rows


def reclassifications_of(*, function: Function):
    return function.reclassifications.select_related("from_family", "to_family", "decided_by").order_by(
        "-effective_date"
    )


def active_families():
    """The families in use, in the matrix's order (a deactivated family holds no function)."""
    return FunctionFamily.objects.filter(deactivation__isnull=True).order_by("position", "id")


def family_list():
    """Every family with its number of functions and its deactivation (if any), in the matrix's order."""
    return (
        FunctionFamily.objects.select_related("deactivation")
        .annotate(function_count=Count("functions"))
        .order_by("position", "id")
    )
