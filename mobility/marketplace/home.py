from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from mobility.marketplace.selectors import action_counts


def action_items(user) -> list[ActionItem]:
    """The home page's 'waiting for you' items of the marketplace: one aggregate query."""
    counts = action_counts(viewer=user)
    url = reverse("mobility:application-list")
    area = str(_("Mobility"))
    return [
        ActionItem(_("Mobility applications waiting for your consent"), f"{url}#consent", counts["consent"], area),
        ActionItem(_("Mobility candidates waiting for your decision"), f"{url}#requester", counts["decide"], area),
        ActionItem(_("Mobility invitations waiting for your answer"), f"{url}#provider", counts["invited"], area),
    ]
