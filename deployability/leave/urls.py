from django.urls import path

from deployability.leave import views as v

urlpatterns = [
    path("leave/", v.LeaveHomeView.as_view(), name="leave-index"),
    path("leave/rights/", v.LeaveRightsView.as_view(), name="leave-rights"),
    path("leave/new/", v.LeaveRequestCreateView.as_view(), name="leave-create"),
    path("leave/requests/", v.LeaveRequestListView.as_view(), name="leave-list"),
    path("leave/approvals/", v.LeaveApprovalsView.as_view(), name="leave-approvals"),
    path("leave/calendar/", v.TeamCalendarView.as_view(), name="leave-calendar"),
    path("leave/<int:pk>/", v.LeaveRequestDetailView.as_view(), name="leave-detail"),
    path(
        "leave/<int:pk>/<str:action>/",
        v.LeaveRequestActionView.as_view(),
        name="leave-action",
    ),
]
