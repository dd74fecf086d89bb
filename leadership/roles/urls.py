from django.urls import path

from leadership.roles import views

urlpatterns = [
    path("roles/", views.ProfilesView.as_view(), name="roles-index"),
    path("roles/me/", views.LeaderProfileView.as_view(), name="roles-me"),
    path("roles/staff/<int:pk>/", views.LeaderProfileView.as_view(), name="roles-staff"),
]
