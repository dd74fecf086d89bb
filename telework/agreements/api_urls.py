from django.urls import path

from telework.agreements import apis

urlpatterns = [
    path("agreements/", apis.AgreementListApi.as_view(), name="agreement-list"),
    path("agreements/<int:pk>/", apis.AgreementDetailApi.as_view(), name="agreement-detail"),
    path("agreements/<int:pk>/approve/", apis.AgreementApproveApi.as_view(), name="agreement-approve"),
    path("agreements/<int:pk>/refuse/", apis.AgreementRefuseApi.as_view(), name="agreement-refuse"),
    path("agreements/<int:pk>/withdraw/", apis.AgreementWithdrawApi.as_view(), name="agreement-withdraw"),
    path("agreements/<int:pk>/end/", apis.AgreementEndApi.as_view(), name="agreement-end"),
    path("agreements/<int:pk>/change/", apis.AgreementChangeApi.as_view(), name="agreement-change"),
    path("approvals/", apis.PendingApprovalListApi.as_view(), name="approval-list"),
    path("occupancy/", apis.OccupancyApi.as_view(), name="occupancy"),
    path("register/", apis.RegisterApi.as_view(), name="register"),
    path("explanations/", apis.ExplanationListApi.as_view(), name="explanation-list"),
]
