from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hrportal.parameters.selectors import parameter, snapshot
from mobility.international import events
from mobility.international.permissions import (
    can_manage_calls,
)
from mobility.models import (
    HostOrganisation,
    MobilityCall,
)

DEFAULT_MONTH_KEYS = {
    MobilityCall.Kind.EXCHANGE: (
        "mobility.international.exchange_min_months",
        "mobility.international.exchange_max_months",
    ),
    MobilityCall.Kind.WORK_VISIT: (
        "mobility.international.work_visit_min_months",
        "mobility.international.work_visit_max_months",
    ),
}


def call_default_months(*, kind: str, on: date) -> tuple[int, int]:
    min_key, max_key = DEFAULT_MONTH_KEYS[kind]
    return parameter(min_key, on=on), parameter(max_key, on=on)


def _call_checked(*, kind, opens_on, closes_on, eligible_levels, hosts, min_months, max_months) -> dict:
    """The rules of a call's fields, for opening and for changing it."""
    errors = {}
    if closes_on < opens_on:
        errors["closes_on"] = _("The application window cannot close before it opens.")
    levels = "".join(code for code in "ABCD" if code in set(eligible_levels))
    if not levels:
        errors["eligible_levels"] = _("Choose at least one eligible level.")
    default_min, default_max = call_default_months(kind=kind, on=opens_on)
    min_months = default_min if min_months is None else min_months
    max_months = default_max if max_months is None else max_months
    if min_months < 1:
        errors["min_months"] = _("A stay lasts at least one month.")
    elif max_months < min_months:
        errors["max_months"] = _("The maximum stay cannot be shorter than the minimum stay.")
    names = list(dict.fromkeys(name.strip() for name in hosts if name.strip()))
    if not names:
        errors["hosts"] = _("Name at least one host organisation.")
    if errors:
        raise ValidationError(errors)
    return {"eligible_levels": levels, "min_months": min_months, "max_months": max_months, "hosts": names}


@transaction.atomic
def call_create(
    *,
    actor,
    title: str,
    kind: str,
    opens_on: date,
    closes_on: date,
    eligible_levels: list[str],
    hosts: list[str],
    min_months: int | None = None,
    max_months: int | None = None,
    description: str = "",
) -> MobilityCall:
    if not can_manage_calls(actor):
        raise PermissionDenied
    checked = _call_checked(
        kind=kind,
        opens_on=opens_on,
        closes_on=closes_on,
        eligible_levels=eligible_levels,
        hosts=hosts,
        min_months=min_months,
        max_months=max_months,
    )
    names = checked.pop("hosts")
    call = MobilityCall.objects.create(
        title=title,
        kind=kind,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
        **checked,
    )
    HostOrganisation.objects.bulk_create([HostOrganisation(call=call, name=name) for name in names])
    events.call_created(
        call=call, actor=actor, hosts=names, parameters=snapshot(list(DEFAULT_MONTH_KEYS[kind]), on=opens_on)
    )
    return call


@transaction.atomic
def call_update(
    *,
    actor,
    call_id: int,
    title: str,
    opens_on: date,
    closes_on: date,
    eligible_levels: list[str],
    hosts: list[str],
    min_months: int | None = None,
    max_months: int | None = None,
    description: str = "",
) -> MobilityCall:
    """Central HR corrects a call. Once people have applied, its levels and stay limits are what they applied
    under and stay as they are; a host someone chose cannot be taken away."""
    if not can_manage_calls(actor):
        raise PermissionDenied
    call = MobilityCall.objects.select_for_update().get(pk=call_id)
    checked = _call_checked(
        kind=call.kind,
        opens_on=opens_on,
        closes_on=closes_on,
        eligible_levels=eligible_levels,
        hosts=hosts,
        min_months=min_months,
        max_months=max_months,
    )
    names = checked.pop("hosts")
    if call.applications.exists():
        changed = [name for name, value in checked.items() if getattr(call, name) != value]
        if changed:
            raise ValidationError(
                {name: _("People have applied under this value; it cannot change any more.") for name in changed}
            )
    chosen = set(call.applications.filter(host__isnull=False).values_list("host__name", flat=True))
    if missing := sorted(chosen - set(names)):
        raise ValidationError(
            {"hosts": _("Applications name these hosts; keep them: %(names)s.") % {"names": ", ".join(missing)}}
        )
    before = _call_state(call)
    call.title, call.description, call.opens_on, call.closes_on = title, description, opens_on, closes_on
    for name, value in checked.items():
        setattr(call, name, value)
    call.save()
    call.hosts.exclude(name__in=names).delete()
    existing = set(call.hosts.values_list("name", flat=True))
    HostOrganisation.objects.bulk_create([HostOrganisation(call=call, name=n) for n in names if n not in existing])
    events.call_changed(call=call, actor=actor, before=before, after=_call_state(call))
    return call


def _call_state(call: MobilityCall) -> dict:
    return {
        "title": call.title,
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "eligible_levels": call.eligible_levels,
        "min_months": call.min_months,
        "max_months": call.max_months,
        "hosts": sorted(call.hosts.values_list("name", flat=True)),
    }
