from django.urls import path

from telework.climate import apis as a

urlpatterns = [
    path("climate/rounds/", a.ClimateRoundListApi.as_view(), name="climate-rounds"),
    path("climate/rounds/<int:pk>/respond/", a.ClimateRespondApi.as_view(), name="climate-respond"),
    path("climate/rounds/<int:pk>/results/", a.ClimateResultsApi.as_view(), name="climate-results"),
]
