from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deployability.redeployment.models import Offer, RedeploymentCandidate
from deployability.redeployment.permissions import is_hr
from deployability.redeployment.selectors import candidate_list, own_offers, trajectories_waiting
from hrportal.home import ActionItem
from hrportal.roles import staff_of


def action_items(user) -> list[ActionItem]:
    """Staff: offers to answer. Manager: open trajectories to close. HR: admissibility tests to run."""
    area = str(_("Deployability"))
    items = []
    if staff_of(user) is not None:
        items.append(
            ActionItem(
                label=str(_("Offered posts waiting for your answer")),
                url=reverse("deployability:redeployment-mine"),
                count=own_offers(viewer=user).filter(status=Offer.Status.PENDING).count(),
                area=area,
            )
        )
        items.append(
            ActionItem(
                label=str(_("Guidance trajectories you opened that are still running")),
                url=reverse("deployability:redeployment-trajectories"),
                count=trajectories_waiting(viewer=user).count(),
                area=area,
            )
        )
    if is_hr(user):
        items.append(
            ActionItem(
                label=str(_("Redeployment registrations waiting for the admissibility test")),
                url=reverse("deployability:redeployment-candidates") + "?status=registered",
                count=candidate_list(viewer=user, status=RedeploymentCandidate.Status.REGISTERED).count(),
                area=area,
            )
        )
    return items
