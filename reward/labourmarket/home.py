from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from hrportal.roles import Role, roles_of
from reward.labourmarket.models import LabourMarketAllowance
from reward.labourmarket.selectors import allowance_listing_ended_count


def action_items(user) -> list[ActionItem]:
    """HR: allowances ended by a rule — the function left the shortage list, or the person changed function
    (to tell the person, to review)."""
    if not (roles_of(user) & {Role.HR, Role.CENTRAL, Role.ADMIN}):
        return []
    return [
        ActionItem(
            label=str(_("Labour-market allowances ended: function left the shortage list")),
            url=reverse("reward:labourmarket-allowances") + "?status=delisted",
            count=allowance_listing_ended_count(viewer=user),
            area=str(_("Reward")),
        ),
        ActionItem(
            label=str(_("Labour-market allowances ended: the person changed function")),
            url=reverse("reward:labourmarket-allowances") + "?status=changed",
            count=allowance_listing_ended_count(viewer=user, status=LabourMarketAllowance.Status.FUNCTION_CHANGED),
            area=str(_("Reward")),
        ),
    ]
