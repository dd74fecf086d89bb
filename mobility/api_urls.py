from django.urls import include, path

app_name = "mobility-api"

urlpatterns = [
    path("marketplace/", include("mobility.marketplace.api_urls")),
    path("", include("mobility.international.api_urls")),
]
