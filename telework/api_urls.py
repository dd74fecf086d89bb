from django.urls import include, path

app_name = "telework-api"

urlpatterns = [
    path("", include("telework.agreements.api_urls")),
    path("", include("telework.pools.api_urls")),
    path("", include("telework.climate.api_urls")),
]
