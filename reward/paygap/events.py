"""Audit event types of the pay-transparency report."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from reward.paygap.models import PayGapJustification

register_events(
    EventType("reward.pay_gap.justified", _("Pay gap justified or remedy recorded"), model=PayGapJustification),
)
