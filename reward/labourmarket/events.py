"""Audit event types of the labour-market allowance."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction

register_events(
    EventType("reward.shortage_function.listed", _("Function put on the shortage list"), model=ShortageFunction),
    EventType("reward.shortage_function.delisted", _("Function taken off the shortage list"), model=ShortageFunction),
    EventType(
        "reward.labour_market_allowance.granted", _("Labour-market allowance granted"), model=LabourMarketAllowance
    ),
    EventType(
        "reward.labour_market_allowance.ended", _("Labour-market allowance ended early"), model=LabourMarketAllowance
    ),
    EventType(
        "reward.labour_market_allowance.delisted",
        _("Labour-market allowance ended: function left the shortage list"),
        model=LabourMarketAllowance,
    ),
    EventType(
        "reward.labour_market_allowance.function_changed",
        _("Labour-market allowance ended: the person changed function"),
        model=LabourMarketAllowance,
    ),
)
