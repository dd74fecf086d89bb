from django.urls import path

from leadership.development import views

urlpatterns = [
    path("development/", views.DevelopmentIndexView.as_view(), name="development-index"),
    path("development/trajectories/<int:pk>/", views.TrajectoryDetailView.as_view(), name="development-trajectory"),
    path("development/sessions/<int:pk>/", views.SessionDetailView.as_view(), name="development-session"),
    path("development/sessions/<int:pk>/enrol/", views.EnrolView.as_view(), name="development-enrol"),
    path("development/enrolments/<int:pk>/", views.EnrolmentDetailView.as_view(), name="development-enrolment"),
    path("development/decisions/", views.DecisionsView.as_view(), name="development-decisions"),
    path("development/onboarding/", views.OnboardingListView.as_view(), name="development-onboarding"),
    path(
        "development/onboarding/<int:pk>/", views.OnboardingDetailView.as_view(), name="development-onboarding-detail"
    ),
    path(
        "development/onboarding/tasks/<int:pk>/", views.OnboardingTickView.as_view(), name="development-onboarding-tick"
    ),
]
