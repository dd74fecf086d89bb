from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise

from hrportal.roles import Role, roles_of


@dataclass
class ReportResult:
    """A table (columns as (key, label) pairs, rows as dicts) plus charts and headline figures."""

    columns: list[tuple[str, str]]
    rows: list[dict]
    charts: list[dict] = field(default_factory=list)
    summary: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "columns": [[key, str(label)] for key, label in self.columns],
            "rows": self.rows,
            "charts": _strings(self.charts),
            "summary": _strings(self.summary),
        }


def _strings(value):
    """Lazy translations become plain strings in the stored JSON (in the language of the run)."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _strings(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_strings(v) for v in value]
    return value


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
