from django.urls import path

from hrportal.models.portfolio import Objective
from hrportal.views.org import AreaView

app_name = "reward"

urlpatterns = [
    path("", AreaView.as_view(objective=Objective.REWARD), name="index"),
]
