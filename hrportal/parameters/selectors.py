"""Which value of a policy parameter is in force on a date: `parameter()` for a rule, `snapshot()` for a decision."""

from datetime import date

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
