from django.urls import include, path

app_name = "mobility-api"

urlpatterns = [
    path("marketplace/", include("mobility.api_urls_marketplace")),
    path("", include("mobility.api_urls_international")),
]
