from django.urls import include, path

app_name = "leadership-api"

urlpatterns = [
    path("", include("leadership.selection.api_urls")),
    path("", include("leadership.roles.api_urls")),
    path("", include("leadership.potential.api_urls")),
    path("", include("leadership.development.api_urls")),
    path("", include("leadership.mentoring.api_urls")),
    path("", include("leadership.topmanagement.api_urls")),
    path("", include("leadership.monitoring.api_urls")),
]
