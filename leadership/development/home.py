from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from leadership.development.selectors import enrolments_to_decide, onboarding_open_tasks


def action_items(user) -> list[ActionItem]:
    """Line manager: enrolments waiting for agreement; line manager and HR: onboarding tasks due."""
    return [
        ActionItem(
            label=str(_("Enrolments in development trajectories to agree to")),
            url=reverse("leadership:development-decisions"),
            count=enrolments_to_decide(viewer=user).count(),
            area=str(_("Leadership")),
        ),
        ActionItem(
            label=str(_("Onboarding tasks of new leaders due")),
            url=reverse("leadership:development-onboarding"),
            count=onboarding_open_tasks(viewer=user, today=timezone.localdate()),
            area=str(_("Leadership")),
        ),
    ]
