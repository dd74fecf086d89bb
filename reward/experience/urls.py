from django.urls import path

from reward.experience import views

urlpatterns = [
    path("experience/", views.ExperienceHomeView.as_view(), name="experience"),
    path("experience/new/", views.RequestCreateView.as_view(), name="experience-create"),
    path("experience/requests/<int:pk>/", views.RequestDetailView.as_view(), name="experience-request"),
    path("experience/staff/<int:staff_id>/", views.StaffExperienceView.as_view(), name="experience-staff"),
]
