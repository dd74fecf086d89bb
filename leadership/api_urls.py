from django.urls import include, path

app_name = "leadership-api"

urlpatterns = [
    path("", include("leadership.topmanagement.api_urls")),
    path("", include("leadership.monitoring.api_urls")),
]
