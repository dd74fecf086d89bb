from django.urls import include, path

app_name = "deployability-api"

urlpatterns = [
    path("", include("deployability.redeployment.api_urls")),
    path("", include("deployability.evaluations.api_urls")),
]
