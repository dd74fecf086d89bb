from django.urls import include, path

app_name = "telework"

urlpatterns = [
    path("", include("telework.urls_agreements")),
    path("", include("telework.urls_pools")),
]
