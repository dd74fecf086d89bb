from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from hrportal.roles import Role, roles_of
from telework.agreements.selectors import agreement_pending_for


def action_items(user) -> list[ActionItem]:
    """Home page: a manager's pending telework requests."""
    if Role.MANAGER not in roles_of(user):
        return []
    count = agreement_pending_for(viewer=user).count()
    return [ActionItem(str(_("Telework requests to decide")), reverse("telework:approvals"), count, "telework")]
