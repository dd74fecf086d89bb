from django.urls import path

from reward.paygap import views as v

urlpatterns = [
    path("pay-gap/", v.PayGapView.as_view(), name="paygap-index"),
    path("pay-gap/justify/", v.JustificationView.as_view(), name="paygap-justify"),
]
