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
                "leadership/selection/landing_section.html",
                "leadership/roles/landing_section.html",
                "leadership/potential/landing_section.html",
                "leadership/development/landing_section.html",
                "leadership/mentoring/landing_section.html",
                "leadership/topmanagement/landing_section.html",
                "leadership/monitoring/landing_section.html",
            ],
        ),
        name="index",
    ),
    path("", include("leadership.selection.urls")),
    path("", include("leadership.roles.urls")),
    path("", include("leadership.potential.urls")),
    path("", include("leadership.development.urls")),
    path("", include("leadership.mentoring.urls")),
    path("", include("leadership.topmanagement.urls")),
    path("", include("leadership.monitoring.urls")),
]
