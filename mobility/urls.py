from django.urls import include, path

app_name = "mobility"

urlpatterns = [
    path("", include("mobility.urls_marketplace")),
    path("", include("mobility.urls_international")),
]
