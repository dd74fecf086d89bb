from django.urls import path

from leadership.selection import views

urlpatterns = [
    path("selection/", views.SelectionListView.as_view(), name="selection-index"),
    path("selection/new/", views.SelectionCreateView.as_view(), name="selection-create"),
    path("selection/<int:pk>/", views.SelectionDetailView.as_view(), name="selection-detail"),
    path("selection/<int:pk>/candidates/", views.CandidateAddView.as_view(), name="selection-candidate-add"),
    path("selection/<int:pk>/appoint/", views.CandidateAppointView.as_view(), name="selection-appoint"),
    path("selection/probations/", views.ProbationListView.as_view(), name="selection-probations"),
    path("selection/probations/<int:pk>/", views.ProbationDetailView.as_view(), name="selection-probation-detail"),
]
