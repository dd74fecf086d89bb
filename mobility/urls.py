from django.urls import include, path

app_name = "mobility"

urlpatterns = [
    path("", include("mobility.marketplace.urls")),
    path("", include("mobility.international.urls")),
]
