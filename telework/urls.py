from django.urls import include, path

from hrportal.models.portfolio import Objective
from hrportal.views.org import AreaView

app_name = "telework"

urlpatterns = [
    path("", AreaView.as_view(objective=Objective.WORK_ORGANISATION), name="index"),
    path("", include("telework.urls_pools")),
]
