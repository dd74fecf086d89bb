from django.urls import path

from reward.paygap import apis as a

urlpatterns = [
    path("pay-gap/justifications/", a.JustificationListApi.as_view(), name="pay-gap-justifications"),
]
