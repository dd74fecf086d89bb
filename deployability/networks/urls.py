from django.urls import path

from deployability.networks import views as v

urlpatterns = [
    path("networks/", v.NetworkListView.as_view(), name="networks-index"),
    path("networks/new/", v.NetworkCreateView.as_view(), name="networks-create"),
    path("networks/<int:pk>/", v.NetworkDetailView.as_view(), name="networks-detail"),
    path("networks/<int:pk>/sessions/new/", v.SessionCreateView.as_view(), name="networks-session-create"),
    path("networks/<int:pk>/<str:action>/", v.NetworkActionView.as_view(), name="networks-action"),
    path("networks/sessions/<int:pk>/<str:action>/", v.SessionActionView.as_view(), name="networks-session-action"),
    path("networks/practices/<int:pk>/file/", v.PracticeFileView.as_view(), name="networks-practice-file"),
]
