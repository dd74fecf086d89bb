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
            ],
        ),
        name="index",
    ),
    path("", include("deployability.redeployment.urls")),
    path("", include("deployability.evaluations.urls")),
]
