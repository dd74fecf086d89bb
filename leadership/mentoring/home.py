from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from leadership.mentoring.permissions import can_coordinate_mentoring
from leadership.mentoring.selectors import matches_waiting_for, mentees_without_match


def action_items(user) -> list[ActionItem]:
    """Mentor or mentee: a proposed match to answer; HR: mentees waiting for a match."""
    items = [
        ActionItem(
            label=str(_("Mentoring matches waiting for your answer")),
            url=reverse("leadership:mentoring-index"),
            count=matches_waiting_for(viewer=user).count(),
            area=str(_("Leadership")),
        )
    ]
    if can_coordinate_mentoring(user):
        items.append(
            ActionItem(
                label=str(_("Mentees waiting for a mentor")),
                url=reverse("leadership:mentoring-mentees"),
                count=mentees_without_match(viewer=user).count(),
                area=str(_("Leadership")),
            )
        )
    return items
