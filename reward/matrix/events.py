"""Audit event types of the function-level matrix, and the functions that write them."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from hrportal.audit.services import audit_record
from hrportal.models import Function, FunctionFamily

register_events(
    EventType("reward.function.created", _("Function added to the matrix"), model=Function),
    EventType("reward.function.changed", _("Function changed"), model=Function),
    EventType("reward.function.reclassified", _("Function reclassified"), model=Function),
    EventType("reward.staff_function.changed", _("Function of a staff member changed"), model=Function),
    EventType("reward.family.created", _("Function family added"), model=FunctionFamily),
    EventType("reward.family.changed", _("Function family renamed"), model=FunctionFamily),
    EventType("reward.family.moved", _("Function family moved in the order"), model=FunctionFamily),
    EventType("reward.family.deactivated", _("Function family deactivated"), model=FunctionFamily),
    EventType("reward.family.reactivated", _("Function family reactivated"), model=FunctionFamily),
)


def function_created(*, function, actor) -> None:
    audit_record(
        actor=actor,
        action="reward.function.created",
        target=function,
        after={"name": function.name, "family": function.family_id, "function_class": function.function_class},
    )


def function_changed(*, function, actor, before: dict) -> None:
    audit_record(
        actor=actor,
        action="reward.function.changed",
        target=function,
        before=before,
        after={"name": function.name, "weight": function.weight, "teleworkable": function.teleworkable},
    )


def function_reclassified(*, reclassification, actor, staff_count: int) -> None:
    audit_record(
        actor=actor,
        action="reward.function.reclassified",
        target=reclassification.function,
        before={"function_class": reclassification.from_class, "family": reclassification.from_family_id},
        after={
            "function_class": reclassification.to_class,
            "family": reclassification.to_family_id,
            "effective_date": reclassification.effective_date,
            "staff_in_function": staff_count,
        },
        note=reclassification.reason,
    )


def staff_function_changed(*, staff, function, before_function_id, on, actor) -> None:
    audit_record(
        actor=actor,
        action="reward.staff_function.changed",
        target=function,
        staff=staff,
        before={"function": before_function_id},
        after={"function": function.pk, "function_class": function.function_class, "from": on},
    )


def family_event(*, family, action: str, actor, before=None, after=None, note="") -> None:
    audit_record(actor=actor, action=f"reward.family.{action}", target=family, before=before, after=after, note=note)
