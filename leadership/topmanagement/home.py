from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from leadership.topmanagement.permissions import can_manage_top
from leadership.topmanagement.selectors import mandates_ending


def action_items(user) -> list[ActionItem]:
    """Central HR: running mandates that end within the horizon (renew after evaluation, or end)."""
    if not can_manage_top(user):
        return []
    return [
        ActionItem(
            label=str(_("Top-management mandates ending soon")),
            url=reverse("leadership:top-mandates-ending"),
            count=mandates_ending(today=timezone.localdate()).count(),
            area=str(_("Leadership")),
        )
    ]
