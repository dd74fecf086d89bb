from django.urls import include, path

app_name = "telework-api"

urlpatterns: list = [
    path("", include("telework.api_urls_pools")),
]
