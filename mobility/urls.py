from django.urls import include, path

from hrportal.models.portfolio import Objective
from hrportal.views.org import AreaView

app_name = "mobility"

urlpatterns = [
    path("", AreaView.as_view(objective=Objective.MOBILITY), name="index"),
    path("", include("mobility.urls_international")),
]
