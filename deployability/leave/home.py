from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deployability.leave.selectors import leave_pending_for
from hrportal.home import ActionItem
from hrportal.roles import Role, roles_of


def action_items(user) -> list[ActionItem]:
    """Line manager: the team's leave requests waiting for a decision."""
    if Role.MANAGER not in roles_of(user):
        return []
    return [
        ActionItem(
            label=str(_("Leave requests waiting for your decision")),
            url=reverse("deployability:leave-approvals"),
            count=leave_pending_for(viewer=user).count(),
            area=str(_("Deployability")),
        )
    ]
