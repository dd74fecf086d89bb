from django.urls import path

from telework.pools import apis as a

urlpatterns = [
    path("pools/", a.PoolListApi.as_view(), name="pools"),
    path("pools/<int:pk>/members/", a.PoolMemberListApi.as_view(), name="pool-members"),
    path("pools/requests/", a.SupportRequestListApi.as_view(), name="pool-requests"),
    path("pools/requests/queue/", a.SupportRequestQueueApi.as_view(), name="pool-request-queue"),
    path("pools/requests/<int:pk>/", a.SupportRequestDetailApi.as_view(), name="pool-request-detail"),
    path("pools/requests/<int:pk>/assign/", a.SupportRequestAssignApi.as_view(), name="pool-request-assign"),
    path("pools/requests/<int:pk>/decline/", a.SupportRequestDeclineApi.as_view(), name="pool-request-decline"),
    path("pools/requests/<int:pk>/cancel/", a.SupportRequestCancelApi.as_view(), name="pool-request-cancel"),
    path("pools/assignments/", a.AssignmentListApi.as_view(), name="pool-assignments"),
    path("pools/assignments/<int:pk>/complete/", a.AssignmentCompleteApi.as_view(), name="pool-assignment-complete"),
]
