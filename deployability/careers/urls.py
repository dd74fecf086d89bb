from django.urls import path

from deployability.careers import views as v

urlpatterns = [
    path("careers/", v.CareersHomeView.as_view(), name="careers-index"),
    path("careers/paths/", v.CareerPathsView.as_view(), name="careers-paths"),
    path("careers/posts/new/", v.PostCreateView.as_view(), name="careers-post-create"),
    path("careers/posts/<int:pk>/", v.PostDetailView.as_view(), name="careers-post"),
    path("careers/applications/", v.ApplicationListView.as_view(), name="careers-applications"),
    path("careers/project-leaders/", v.ProjectLeaderView.as_view(), name="careers-project-leaders"),
]
