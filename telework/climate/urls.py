from django.urls import path

from telework.climate import views as climate

urlpatterns = [
    path("climate/", climate.ClimateIndexView.as_view(), name="climate-index"),
    path("climate/<int:pk>/respond/", climate.ClimateRespondView.as_view(), name="climate-respond"),
    path("climate/<int:pk>/results/", climate.ClimateResultsView.as_view(), name="climate-results"),
    path(
        "climate/<int:pk>/entities/<int:entity_pk>/",
        climate.ClimateEntityResultsView.as_view(),
        name="climate-entity",
    ),
]
