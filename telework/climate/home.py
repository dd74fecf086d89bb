from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.home import ActionItem
from hrportal.roles import staff_of
from telework.climate.models import ClimateParticipation, ClimateRound


def action_items(user) -> list[ActionItem]:
    """Staff: an open innovation-climate survey not yet answered."""
    items = []
    me = staff_of(user)
    today = timezone.localdate()
    if me is not None and me.is_active:
        survey = ClimateRound.objects.filter(opens_on__lte=today, closes_on__gte=today).first()
        if survey and not ClimateParticipation.objects.filter(round=survey, staff=me).exists():
            items.append(
                ActionItem(
                    label=str(_("Innovation-climate survey to answer")),
                    url=reverse("telework:climate-respond", args=[survey.pk]),
                    count=1,
                    area=str(_("Telework")),
                )
            )
    return items
