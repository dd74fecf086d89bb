from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from reward.experience.selectors import requests_to_decide, requests_to_judge


def action_items(user) -> list[ActionItem]:
    """Line managers: experience requests to judge; HR: judged requests to decide."""
    url = reverse("reward:experience")
    return [
        ActionItem(
            label=str(_("Experience requests to judge")),
            url=url,
            count=requests_to_judge(viewer=user).count(),
            area=str(_("Reward")),
        ),
        ActionItem(
            label=str(_("Experience requests to decide")),
            url=url,
            count=requests_to_decide(viewer=user).count(),
            area=str(_("Reward")),
        ),
    ]
