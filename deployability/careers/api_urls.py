from django.urls import path

from deployability.careers import apis as a

urlpatterns = [
    path("careers/posts/", a.PostListApi.as_view(), name="careers-posts"),
    path("careers/posts/<int:pk>/apply/", a.PostApplyApi.as_view(), name="careers-post-apply"),
    path("careers/applications/", a.ApplicationListApi.as_view(), name="careers-applications"),
    path("careers/project-leaders/", a.AppointmentListApi.as_view(), name="careers-project-leaders"),
    path("careers/paths/", a.CareerPathsApi.as_view(), name="careers-paths"),
]
