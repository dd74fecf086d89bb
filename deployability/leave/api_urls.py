from django.urls import path

from deployability.leave import apis as a

urlpatterns = [
    path("leave/rights/", a.LeaveRightListApi.as_view(), name="leave-rights"),
    path("leave/balances/", a.LeaveBalanceApi.as_view(), name="leave-balances"),
    path("leave/requests/", a.LeaveRequestListApi.as_view(), name="leave-requests"),
    path("leave/requests/pending/", a.LeaveRequestPendingApi.as_view(), name="leave-requests-pending"),
    path("leave/requests/<int:pk>/", a.LeaveRequestDetailApi.as_view(), name="leave-request-detail"),
    path("leave/requests/<int:pk>/approve/", a.LeaveRequestApproveApi.as_view(), name="leave-request-approve"),
    path("leave/requests/<int:pk>/refuse/", a.LeaveRequestRefuseApi.as_view(), name="leave-request-refuse"),
    path("leave/requests/<int:pk>/withdraw/", a.LeaveRequestWithdrawApi.as_view(), name="leave-request-withdraw"),
]
