from django.urls import path

from leadership.topmanagement import apis as a

urlpatterns = [
    path("top/mandates/", a.MandateListApi.as_view(), name="top-mandates"),
    path("top/mandates/ending/", a.MandateEndingApi.as_view(), name="top-mandates-ending"),
    path("top/mandates/<int:pk>/", a.MandateDetailApi.as_view(), name="top-mandate-detail"),
    path("top/mandates/<int:pk>/evaluate/", a.MandateEvaluateApi.as_view(), name="top-mandate-evaluate"),
    path("top/mandates/<int:pk>/renew/", a.MandateRenewApi.as_view(), name="top-mandate-renew"),
    path("top/mandates/<int:pk>/end/", a.MandateEndApi.as_view(), name="top-mandate-end"),
    path("top/evaluations/", a.AnnualEvaluationListApi.as_view(), name="top-evaluations"),
    path("top/vacancies/", a.VacancyListApi.as_view(), name="top-vacancies"),
    path("top/vacancies/<int:pk>/candidates/", a.CandidateListApi.as_view(), name="top-vacancy-candidates"),
    path("top/candidates/<int:pk>/", a.CandidateDetailApi.as_view(), name="top-candidate-detail"),
    path("top/sessions/", a.SessionListApi.as_view(), name="top-sessions"),
    path("top/sessions/<int:pk>/register/", a.SessionRegisterApi.as_view(), name="top-session-register"),
    path("top/registrations/", a.RegistrationListApi.as_view(), name="top-registrations"),
    path("top/registrations/<int:pk>/cancel/", a.RegistrationCancelApi.as_view(), name="top-registration-cancel"),
    path("top/mailing-list/", a.MailingListApi.as_view(), name="top-mailing-list"),
    path("top/sessions/<int:pk>/cancel/", a.SessionCancelApi.as_view(), name="top-session-cancel"),
    path("top/sessions/<int:pk>/attendance/", a.SessionAttendanceApi.as_view(), name="top-session-attendance"),
    path("top/mailing-list/unsubscribe/", a.MailingUnsubscribeApi.as_view(), name="top-mailing-unsubscribe"),
]
