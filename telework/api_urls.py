from django.urls import include, path

app_name = "telework-api"

urlpatterns = [
    path("", include("telework.api_urls_agreements")),
    path("", include("telework.api_urls_pools")),
]
