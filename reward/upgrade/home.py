from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from reward.upgrade.permissions import can_decide_upgrades
from reward.upgrade.selectors import allowance_expiring


def action_items(user) -> list[ActionItem]:
    """Managers and HR: function-upgrade allowances ending soon (extend explicitly or let them end)."""
    if not can_decide_upgrades(user):
        return []
    return [
        ActionItem(
            label=str(_("Function-upgrade allowances ending soon")),
            url=reverse("reward:upgrade-expiring"),
            count=allowance_expiring(viewer=user).count(),
            area=str(_("Reward")),
        )
    ]
