from django.urls import include, path

from hrportal.models.portfolio import Objective
from hrportal.views.org import AreaView

app_name = "reward"

urlpatterns = [
    path(
        "",
        AreaView.as_view(
            objective=Objective.REWARD,
            sections=[
                "reward/upgrade/landing_section.html",
                "reward/matrix/landing_section.html",
                "reward/experience/landing_section.html",
                "reward/labourmarket/landing_section.html",
                "reward/paygap/landing_section.html",
            ],
        ),
        name="index",
    ),
    path("", include("reward.upgrade.urls")),
    path("", include("reward.matrix.urls")),
    path("", include("reward.experience.urls")),
    path("", include("reward.labourmarket.urls")),
    path("", include("reward.paygap.urls")),
]
