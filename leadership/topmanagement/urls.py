from django.urls import path

from leadership.topmanagement import views as top

urlpatterns = [
    path("top/", top.TopHomeView.as_view(), name="top-index"),
    path("top/mandates/", top.MandateListView.as_view(), name="top-mandates"),
    path("top/mandates/new/", top.MandateCreateView.as_view(), name="top-mandate-create"),
    path("top/mandates/ending/", top.MandateEndingView.as_view(), name="top-mandates-ending"),
    path("top/mandates/<int:pk>/", top.MandateDetailView.as_view(), name="top-mandate-detail"),
    path("top/mandates/<int:pk>/evaluate/", top.MandateEvaluateView.as_view(), name="top-mandate-evaluate"),
    path("top/mandates/<int:pk>/renew/", top.MandateRenewView.as_view(), name="top-mandate-renew"),
    path("top/mandates/<int:pk>/end/", top.MandateEndView.as_view(), name="top-mandate-end"),
    path("top/evaluations/", top.AnnualEvaluationListView.as_view(), name="top-evaluations"),
    path("top/mine/", top.MyTopView.as_view(), name="top-mine"),
    path("top/vacancies/", top.VacancyListView.as_view(), name="top-vacancies"),
    path("top/vacancies/<int:pk>/", top.VacancyDetailView.as_view(), name="top-vacancy-detail"),
    path("top/vacancies/<int:pk>/close/", top.VacancyCloseView.as_view(), name="top-vacancy-close"),
    path("top/candidates/<int:pk>/", top.CandidateEditView.as_view(), name="top-candidate-edit"),
    path("top/sessions/", top.SessionListView.as_view(), name="top-sessions"),
    path("top/sessions/<int:pk>/", top.SessionDetailView.as_view(), name="top-session-detail"),
    path("top/sessions/<int:pk>/register/", top.SessionRegisterView.as_view(), name="top-session-register"),
    path("top/registrations/<int:pk>/cancel/", top.RegistrationCancelView.as_view(), name="top-registration-cancel"),
    path("top/mailing-list.csv", top.MailingListCsvView.as_view(), name="top-mailing-list"),
    path("top/sessions/<int:pk>/cancel/", top.SessionCancelView.as_view(), name="top-session-cancel"),
    path("top/sessions/<int:pk>/attendance/", top.SessionAttendanceView.as_view(), name="top-session-attendance"),
    path("top/mailing-list/leave/", top.MailingLeaveView.as_view(), name="top-mailing-leave"),
    path(
        "top/mailing-list/unsubscribe/<str:token>/",
        top.MailingUnsubscribeView.as_view(),
        name="top-mailing-unsubscribe",
    ),
]
