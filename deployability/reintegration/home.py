from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from deployability.reintegration.models import ReintegrationCase
from hrportal.home import ActionItem
from hrportal.roles import Role, hr_entity_ids, roles_of, staff_of


def action_items(user) -> list[ActionItem]:
    """HR of the entity and team members: cases still at intake, waiting for a first step."""
    me = staff_of(user)
    is_hr = Role.HR in roles_of(user)
    if me is None and not is_hr:
        return []
    cases = ReintegrationCase.objects.filter(status=ReintegrationCase.Status.INTAKE)
    q = Q(pk__in=[])
    if is_hr:
        q |= Q(staff__entity_id__in=hr_entity_ids(user))
    if me is not None:
        q |= Q(team__staff=me)
    return [
        ActionItem(
            label=str(_("Re-integration cases waiting for a first step")),
            url=reverse("deployability:reintegration-list") + "?status=intake",
            count=cases.filter(q).distinct().count(),
            area=str(_("Deployability")),
        )
    ]
