from django.urls import include, path

from hrportal.models.portfolio import Objective
from hrportal.views.org import AreaView

app_name = "leadership"

urlpatterns = [
    path(
        "",
        AreaView.as_view(
            objective=Objective.LEADERSHIP,
            sections=[
                "leadership/topmanagement/landing_section.html",
                "leadership/monitoring/landing_section.html",
            ],
        ),
        name="index",
    ),
    path("", include("leadership.topmanagement.urls")),
    path("", include("leadership.monitoring.urls")),
]
