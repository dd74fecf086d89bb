from django.urls import include, path

from hrportal.apis import views
from hrportal.audit import apis as audit
from hrportal.parameters import apis as parameters
from hrportal.reports import apis as reports
from hrportal.views import auth

urlpatterns = [
    path("auth/token/", auth.ApiTokenCreateApi.as_view(), name="api-token-create"),
    path("auth/logout/", auth.ApiTokenRevokeApi.as_view(), name="api-token-revoke"),
    path("auth/logoutall/", auth.ApiTokenRevokeAllApi.as_view(), name="api-token-revoke-all"),
    path("staff/", views.StaffListApi.as_view(), name="api-staff-list"),
    path("staff/me/", views.StaffMeApi.as_view(), name="api-staff-me"),
    path("staff/<int:pk>/", views.StaffDetailApi.as_view(), name="api-staff-detail"),
    path("staff/<int:pk>/profile/", views.StaffProfileUpdateApi.as_view(), name="api-staff-profile"),
    path("entities/", views.EntityListApi.as_view(), name="api-entity-list"),
    path("entities/<int:pk>/", views.EntityDetailApi.as_view(), name="api-entity-detail"),
    path("competencies/", views.CompetencyListApi.as_view(), name="api-competency-list"),
    path("functions/", views.FunctionListApi.as_view(), name="api-function-list"),
    path("portfolio/", views.PortfolioListApi.as_view(), name="api-portfolio-list"),
    path("reports/", reports.ReportRunListApi.as_view(), name="api-report-list"),
    path("reports/<int:pk>/", reports.ReportRunDetailApi.as_view(), name="api-report-detail"),
    path("reports/<int:pk>/rerun/", reports.ReportRunRerunApi.as_view(), name="api-report-rerun"),
    path("reports/<int:pk>/download.<str:fmt>", reports.ReportRunDownloadApi.as_view(), name="api-report-download"),
    path("audit/", audit.AuditEventListApi.as_view(), name="api-audit-list"),
    path("parameters/", parameters.ParameterListApi.as_view(), name="api-parameter-list"),
    path("parameters/reviews/", parameters.ParameterReviewListApi.as_view(), name="api-parameter-reviews"),
    path("mobility/", include("mobility.api_urls")),
    path("deployability/", include("deployability.api_urls")),
    path("reward/", include("reward.api_urls")),
    path("telework/", include("telework.api_urls")),
    path("leadership/", include("leadership.api_urls")),
]
