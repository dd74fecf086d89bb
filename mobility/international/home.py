from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from mobility.international.selectors import applications_awaiting_host, applications_awaiting_manager


def action_items(user) -> list[ActionItem]:
    """One count per item: applications awaiting the manager's agreement, and the host's answer (HR)."""
    url = reverse("mobility:intl-application-list")
    return [
        ActionItem(
            label=_("International mobility applications awaiting your agreement"),
            url=f"{url}?waiting=manager",
            count=applications_awaiting_manager(viewer=user).count(),
            area="mobility",
        ),
        ActionItem(
            label=_("International mobility applications awaiting the host's answer"),
            url=f"{url}?waiting=host",
            count=applications_awaiting_host(viewer=user).count(),
            area="mobility",
        ),
    ]
