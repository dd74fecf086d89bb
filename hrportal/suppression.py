"""Small-cell suppression for every published figure (pay gap, gender monitoring, surveys).

A cell counting fewer than `monitoring.min_cell_size` people (but at least one) is hidden: it could single a
person out. Hiding it is not enough when the table also shows row or column totals, because the hidden value
is then the total minus the cells shown. So wherever a row or column holds exactly one hidden cell, a second
cell of that line is hidden too (the smallest one: it loses the least information). That can leave another
line with a single hidden cell, so the pass repeats until every line with a total hides none or at least two.

Reports keep the counts and this routine's verdict, and render the verdict in the reader's language: a cell
hidden as SMALL ("fewer than N people") or as COMPLEMENTARY ("hidden so that another cell cannot be
recomputed from the totals").
"""

from collections.abc import Hashable, Mapping
from datetime import date

from hrportal.parameters.selectors import parameter

SMALL = "small"
COMPLEMENTARY = "complementary"
MIN_CELL_KEY = "monitoring.min_cell_size"


def min_cell_size(*, on: date) -> int:
    return int(parameter(MIN_CELL_KEY, on=on))


def is_small(count: int, *, threshold: int) -> bool:
    """Zero is shown (it identifies nobody); 1 to threshold - 1 is hidden."""
    return 0 < count < threshold


def suppress_series(counts: Mapping[Hashable, int], *, threshold: int, total_shown: bool = True) -> dict:
    """One dimension (e.g. women per entity with an organisation total): {key: SMALL | COMPLEMENTARY}."""
    table = {(key, None): count for key, count in counts.items()}
    hidden = suppress_table(table, threshold=threshold, row_totals=False, column_totals=total_shown)
    return {key: reason for (key, _none), reason in hidden.items()}


def suppress_table(
    counts: Mapping[tuple[Hashable, Hashable], int],
    *,
    threshold: int,
    row_totals: bool = True,
    column_totals: bool = True,
) -> dict:
    """Two dimensions, cells keyed (row, column): {cell: SMALL | COMPLEMENTARY} for every hidden cell.

    `row_totals` / `column_totals`: whether the published table shows the total of each row / column (a
    grand total counts as the total of a one-column or one-row table)."""
    hidden = {cell: SMALL for cell, count in counts.items() if is_small(count, threshold=threshold)}
    lines = []
    if row_totals:
        lines += _lines(counts, axis=0)
    if column_totals:
        lines += _lines(counts, axis=1)
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden_here = [cell for cell in line if cell in hidden]
            if len(hidden_here) != 1:
                continue
            candidates = [cell for cell in line if cell not in hidden]
            if not candidates:
                continue
            # the smallest cell shown loses the least; prefer a non-empty one (hiding a 0 hides nothing)
            complement = min(candidates, key=lambda cell: (counts[cell] == 0, counts[cell], str(cell)))
            hidden[complement] = COMPLEMENTARY
            changed = True
    return hidden


def _lines(counts: Mapping[tuple[Hashable, Hashable], int], *, axis: int) -> list[list[tuple]]:
    grouped: dict = {}
    for cell in counts:
        grouped.setdefault(cell[axis], []).append(cell)
    return [cells for cells in grouped.values() if len(cells) > 0]
