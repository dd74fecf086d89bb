from django.urls import include, path

app_name = "reward-api"

urlpatterns = [
    path("", include("reward.upgrade.api_urls")),
    path("", include("reward.matrix.api_urls")),
    path("", include("reward.experience.api_urls")),
    path("", include("reward.labourmarket.api_urls")),
    path("", include("reward.paygap.api_urls")),
]
