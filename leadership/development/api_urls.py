from django.urls import path

from leadership.development import apis as a

urlpatterns = [
    path("trajectories/", a.TrajectoryListApi.as_view(), name="trajectories"),
    path("trajectories/<int:pk>/sessions/", a.TrajectorySessionsApi.as_view(), name="trajectory-sessions"),
    path("sessions/<int:pk>/enrol/", a.EnrolApi.as_view(), name="session-enrol"),
    path("enrolments/", a.EnrolmentListApi.as_view(), name="enrolments"),
    path("enrolments/<int:pk>/", a.EnrolmentDetailApi.as_view(), name="enrolment-detail"),
    path("enrolments/<int:pk>/decide/", a.EnrolmentDecideApi.as_view(), name="enrolment-decide"),
    path("enrolments/<int:pk>/attendance/", a.EnrolmentAttendanceApi.as_view(), name="enrolment-attendance"),
    path("onboarding/", a.OnboardingListApi.as_view(), name="onboarding"),
    path("onboarding/<int:pk>/", a.OnboardingDetailApi.as_view(), name="onboarding-detail"),
]
