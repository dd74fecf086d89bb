from django.urls import path

from mobility.international import apis as a

urlpatterns = [
    path("international/calls/", a.CallListApi.as_view(), name="api-intl-call-list"),
    path("international/calls/<int:pk>/", a.CallDetailApi.as_view(), name="api-intl-call-detail"),
    path("international/totals/", a.CallTotalsApi.as_view(), name="api-intl-totals"),
    path("international/applications/", a.ApplicationListApi.as_view(), name="api-intl-application-list"),
    path("international/applications/<int:pk>/", a.ApplicationDetailApi.as_view(), name="api-intl-application-detail"),
    path(
        "international/applications/<int:pk>/manager-decision/",
        a.ApplicationManagerDecisionApi.as_view(),
        name="api-intl-application-manager-decision",
    ),
    path(
        "international/applications/<int:pk>/host-decision/",
        a.ApplicationHostDecisionApi.as_view(),
        name="api-intl-application-host-decision",
    ),
    path(
        "international/applications/<int:pk>/withdraw/",
        a.ApplicationWithdrawApi.as_view(),
        name="api-intl-application-withdraw",
    ),
    path(
        "international/applications/<int:pk>/claims/",
        a.ApplicationClaimListApi.as_view(),
        name="api-intl-application-claims",
    ),
    path("external/vacancies/", a.VacancyListApi.as_view(), name="api-ext-vacancy-list"),
    path("external/vacancies/<int:pk>/", a.VacancyDetailApi.as_view(), name="api-ext-vacancy-detail"),
    path("external/vacancies/<int:pk>/close/", a.VacancyCloseApi.as_view(), name="api-ext-vacancy-close"),
    path(
        "external/vacancies/<int:pk>/applicants/",
        a.VacancyApplicantListApi.as_view(),
        name="api-ext-vacancy-applicants",
    ),
    path(
        "external/applicants/<int:pk>/selection/", a.ApplicantSelectionApi.as_view(), name="api-ext-applicant-selection"
    ),
    path("detachments/", a.DetachmentListApi.as_view(), name="api-detachment-list"),
    path("detachments/<int:pk>/", a.DetachmentDetailApi.as_view(), name="api-detachment-detail"),
]
