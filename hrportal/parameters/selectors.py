"""Which value of a policy parameter is in force on a date: `parameter()` for a rule, `snapshot()` for a decision."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from hrportal.audit.models import AuditEvent
from hrportal.parameters.catalogue import CATALOGUE, ParameterSpec
from hrportal.parameters.models import PolicyParameter


def _spec(key: str) -> ParameterSpec:
    try:
        return CATALOGUE[key]
    except KeyError:
        raise KeyError(f"Unknown policy parameter {key!r}; add it to hrportal.parameters.catalogue") from None


def parameter(key: str, *, on: date):
    """The value of `key` in force on `on`: the latest value recorded from that date or before, else the default."""
    spec = _spec(key)
    value = (
        PolicyParameter.objects.filter(key=key, valid_from__lte=on)
        .order_by("-valid_from")
        .values_list("value", flat=True)
        .first()
    )
    return spec.default if value is None else value


def snapshot(keys: list[str], *, on: date) -> dict:
    """The values of `keys` in force on `on`, in one query, to record with a decision."""
    values = {key: _spec(key).default for key in keys}
    seen = set()
    rows = (
        PolicyParameter.objects.filter(key__in=keys, valid_from__lte=on)
        .order_by("key", "-valid_from")
        .values_list("key", "value")
    )
    for key, value in rows:
        if key not in seen:
            values[key] = value
            seen.add(key)
    return {"on": on.isoformat(), "values": values}


# --- Decisions to review after a value was recorded retroactively ------------------------------------


@dataclass(frozen=True)
class DecisionUsed:
    """A decision that applied a parameter: when it was taken, what it was, and the value it used."""

    taken_at: datetime
    action: str
    target: str
    value_used: object
    rule_date: str


# Where decisions that used a parameter are found. The audit trail is the register: every decision that
# calls `snapshot()` records it in its audit event, so the coming apps' decisions are found without more.
# A part that keeps decisions elsewhere registers a source: fn(*, key, first, until, entered_at) -> iterable.
DECISION_SOURCES: list[Callable[..., Iterable[DecisionUsed]]] = []

REVIEW_LIMIT = 200


def register_decision_source(source: Callable[..., Iterable[DecisionUsed]]) -> None:
    if source not in DECISION_SOURCES:
        DECISION_SOURCES.append(source)


def _audit_decisions(*, key: str, first: date, until: date | None, entered_at: datetime) -> Iterable[DecisionUsed]:
    events = (
        AuditEvent.objects.filter(
            parameters__values__has_key=key,
            occurred_at__gte=datetime.combine(first, time.min, tzinfo=timezone.get_current_timezone()),
            occurred_at__lt=entered_at,
        )
        .exclude(action__startswith="parameter.")
        .order_by("occurred_at")
        .values("occurred_at", "action", "target_repr", "parameters")[: REVIEW_LIMIT * 5]
    )
    for event in events:
        rule_date = str(event["parameters"].get("on") or "")
        if rule_date and (rule_date < first.isoformat() or (until and rule_date >= until.isoformat())):
            continue  # decided under another period's value
        yield DecisionUsed(
            taken_at=event["occurred_at"],
            action=event["action"],
            target=event["target_repr"],
            value_used=event["parameters"]["values"][key],
            rule_date=rule_date,
        )


register_decision_source(_audit_decisions)


def parameter_decisions_to_review(*, value: PolicyParameter) -> list[DecisionUsed]:
    """For a value recorded after the date it starts from: the decisions taken between that date and the
    day it was entered that used another value — HR reviews them (they keep their recorded values)."""
    entered_at = value.created_at
    if value.valid_from >= timezone.localtime(entered_at).date():
        return []
    until = (
        PolicyParameter.objects.filter(key=value.key, valid_from__gt=value.valid_from)
        .order_by("valid_from")
        .values_list("valid_from", flat=True)
        .first()
    )
    found = []
    for source in DECISION_SOURCES:
        for decision in source(key=value.key, first=value.valid_from, until=until, entered_at=entered_at):
            if decision.value_used != value.value:
                found.append(decision)
    return sorted(found, key=lambda d: d.taken_at)[:REVIEW_LIMIT]


def parameter_reviews() -> list[dict]:
    """Every retroactive value with its decisions to review (central HR's list on the parameters page)."""
    rows = []
    for value in PolicyParameter.objects.order_by("-created_at")[:100]:
        decisions = parameter_decisions_to_review(value=value)
        if decisions:
            rows.append({"value": value, "spec": _spec(value.key), "decisions": decisions})
    return rows
