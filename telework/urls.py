from django.urls import include, path

app_name = "telework"

urlpatterns = [
    path("", include("telework.agreements.urls")),
    path("", include("telework.pools.urls")),
    path("", include("telework.climate.urls")),
]
