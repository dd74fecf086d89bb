"""Audit event types of the function-upgrade allowance, and the functions that write them."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from hrportal.audit.services import audit_record
from reward.upgrade.models import UpgradeAllowance

register_events(
    EventType("reward.upgrade.granted", _("Function-upgrade allowance granted"), model=UpgradeAllowance),
    EventType("reward.upgrade.extended", _("Function-upgrade allowance extended"), model=UpgradeAllowance),
    EventType("reward.upgrade.ended_early", _("Function-upgrade allowance ended early"), model=UpgradeAllowance),
)


def allowance_granted(*, allowance, period, actor, parameters: dict) -> None:
    audit_record(
        actor=actor,
        action="reward.upgrade.granted",
        target=allowance,
        staff=allowance.holder,
        after={
            "function": allowance.function_id,
            "function_class": allowance.function_class,
            "own_class": allowance.own_class,
            "percentage": str(allowance.percentage),
            "regime": allowance.regime,
            "start": period.start,
            "end": period.end,
        },
        parameters=parameters,
    )


def allowance_extended(*, allowance, period, previous_end, actor, parameters: dict) -> None:
    audit_record(
        actor=actor,
        action="reward.upgrade.extended",
        target=allowance,
        staff=allowance.holder,
        before={"end": previous_end},
        after={"start": period.start, "end": period.end},
        parameters=parameters,
    )


def allowance_ended_early(*, allowance, previous_end, actor) -> None:
    audit_record(
        actor=actor,
        action="reward.upgrade.ended_early",
        target=allowance,
        staff=allowance.holder,
        before={"status": UpgradeAllowance.Status.ACTIVE, "end": previous_end},
        after={"status": allowance.status, "end": allowance.ended_on},
        note=allowance.end_reason,
    )
