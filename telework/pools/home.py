from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from telework.pools.selectors import support_request_queue


def action_items(user) -> list[ActionItem]:
    """Coordinator: requests waiting in the queue."""
    return [
        ActionItem(
            label=str(_("Support requests waiting for a pool member")),
            url=reverse("telework:pools-queue"),
            count=support_request_queue(viewer=user).count(),
            area=str(_("Telework")),
        )
    ]
