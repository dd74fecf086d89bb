from django.urls import path

from leadership.roles import apis as a

urlpatterns = [
    path("roles/profiles/", a.ProfileListApi.as_view(), name="role-profiles"),
    path("roles/staff/<int:pk>/", a.StaffComparisonApi.as_view(), name="role-staff-comparison"),
]
