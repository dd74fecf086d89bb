from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from leadership.selection.selectors import probations_due


def action_items(user) -> list[ActionItem]:
    """Line manager and HR: probations ending within a month (or ended) that wait for their evaluation."""
    return [
        ActionItem(
            label=str(_("Probations of new leaders to evaluate")),
            url=reverse("leadership:selection-probations"),
            count=probations_due(viewer=user, today=timezone.localdate()).count(),
            area=str(_("Leadership")),
        )
    ]
