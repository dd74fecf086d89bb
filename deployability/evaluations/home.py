from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deployability.evaluations.permissions import works_cases
from deployability.evaluations.selectors import cases_waiting
from hrportal.home import ActionItem


def action_items(user) -> list[ActionItem]:
    """HR: cases waiting for a decision, mandatory dismissals above all."""
    if not works_cases(user):
        return []
    return [
        ActionItem(
            label=str(_("Insufficient evaluations waiting for a decision")),
            url=reverse("deployability:evaluations-cases"),
            count=cases_waiting(viewer=user).count(),
            area=str(_("Deployability")),
        )
    ]
