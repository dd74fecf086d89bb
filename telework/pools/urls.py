from django.urls import path

from telework.pools import views as pools

urlpatterns = [
    path("pools/", pools.PoolsHomeView.as_view(), name="pools-index"),
    path("pools/requests/", pools.SupportRequestListView.as_view(), name="pools-request-list"),
    path("pools/requests/new/", pools.SupportRequestCreateView.as_view(), name="pools-request-create"),
    path("pools/requests/<int:pk>/", pools.SupportRequestDetailView.as_view(), name="pools-request-detail"),
    path("pools/requests/<int:pk>/assign/", pools.SupportRequestAssignView.as_view(), name="pools-request-assign"),
    path("pools/requests/<int:pk>/decline/", pools.SupportRequestDeclineView.as_view(), name="pools-request-decline"),
    path("pools/requests/<int:pk>/cancel/", pools.SupportRequestCancelView.as_view(), name="pools-request-cancel"),
    path("pools/queue/", pools.QueueView.as_view(), name="pools-queue"),
    path("pools/assignments/", pools.AssignmentListView.as_view(), name="pools-assignments"),
    path(
        "pools/assignments/<int:pk>/complete/", pools.AssignmentCompleteView.as_view(), name="pools-assignment-complete"
    ),
    path("pools/<int:pk>/members/", pools.PoolMembersView.as_view(), name="pools-members"),
]
