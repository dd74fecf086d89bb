from django.urls import include, path

app_name = "deployability-api"

urlpatterns = [
    path("", include("deployability.redeployment.api_urls")),
    path("", include("deployability.evaluations.api_urls")),
    path("", include("deployability.leave.api_urls")),
    path("", include("deployability.reintegration.api_urls")),
    path("", include("deployability.careers.api_urls")),
    path("", include("deployability.networks.api_urls")),
]
