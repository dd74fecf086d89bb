from django.urls import include, path

app_name = "mobility-api"

urlpatterns: list = [
    path("", include("mobility.api_urls_international")),
]
