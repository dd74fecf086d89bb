"""Report definitions. A part registers its reports in its reports.py:

    register(ReportDefinition(kind="telework_inventory", title=_("Telework inventory"), ..., build=build))

`build(*, run, progress)` returns a ReportResult that holds data and keys, never text in one language:
column labels, chart titles, series names and any word in a cell are messages — `gettext_lazy(...)`, a
choice's `.label`, or `text(gettext_noop("… %(year)s"), year=2026)` (hrportal.i18n_text; gettext_noop lets
`make messages` find the msgid) — which are stored as msgids
and translated when the page or the CSV/XLSX is rendered, in the reader's language. Names (entities,
people) and numbers are data and stay as they are. Never call `str()` or `gettext()` on a label in a
builder: the run would keep the language of whoever ran it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise

from hrportal.i18n_text import storable
from hrportal.roles import Role, roles_of


@dataclass
class ReportResult:
    """A table (columns as (key, label) pairs, rows as dicts) plus charts and headline figures.

    `filters` names row keys a reader can filter the table on, with the value shown first (e.g. the
    latest year), so that a long table opens at a size a person can read."""

    columns: list[tuple[str, str | Promise | dict]]
    rows: list[dict]
    charts: list[dict] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "columns": [[key, storable(label)] for key, label in self.columns],
            "rows": storable(self.rows),
            "charts": storable(self.charts),
            "summary": storable(self.summary),
            "filters": storable(self.filters),
        }


@dataclass(frozen=True)
class ReportDefinition:
    kind: str
    title: str | Promise
    description: str | Promise
    build: Callable  # build(*, run, progress) -> ReportResult; progress(percent) reports how far it is
    audience: frozenset = frozenset({Role.HR, Role.CENTRAL, Role.ADMIN})

    def visible_to(self, user) -> bool:
        return bool(roles_of(user) & self.audience)


REGISTRY: dict[str, ReportDefinition] = {}


def register(definition: ReportDefinition) -> ReportDefinition:
    REGISTRY[definition.kind] = definition
    return definition


def definition_get(kind: str) -> ReportDefinition:
    return REGISTRY[kind]
