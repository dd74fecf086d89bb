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
                "reward/labourmarket/landing_section.html",
                "reward/paygap/landing_section.html",
            ],
        ),
        name="index",
    ),
    path("", include("reward.labourmarket.urls")),
    path("", include("reward.paygap.urls")),
]
