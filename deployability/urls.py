from django.urls import include, path

from hrportal.models.portfolio import Objective
from hrportal.views.org import AreaView

app_name = "deployability"

urlpatterns = [
    path(
        "",
        AreaView.as_view(
            objective=Objective.DEPLOYABILITY,
            sections=[
                "deployability/redeployment/landing_section.html",
                "deployability/evaluations/landing_section.html",
                "deployability/leave/landing_section.html",
                "deployability/reintegration/landing_section.html",
                "deployability/careers/landing_section.html",
                "deployability/networks/landing_section.html",
            ],
        ),
        name="index",
    ),
    path("", include("deployability.redeployment.urls")),
    path("", include("deployability.evaluations.urls")),
    path("", include("deployability.leave.urls")),
    path("", include("deployability.reintegration.urls")),
    path("", include("deployability.careers.urls")),
    path("", include("deployability.networks.urls")),
]
