from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from hrportal.audit import views as audit
from hrportal.parameters import views as parameters
from hrportal.reports import views as reports
from hrportal.views import auth, health, home, language, org, staff

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("oidc/authenticate/", auth.OidcAuthenticateView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", auth.OidcCallbackView.as_view(), name="oidc_authentication_callback"),
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("staff/", staff.StaffDirectoryView.as_view(), name="staff-list"),
    path("staff/me/edit/", staff.StaffProfileEditView.as_view(), name="staff-profile-edit"),
    path("staff/<int:pk>/", staff.StaffDetailView.as_view(), name="staff-detail"),
    path("staff/<int:pk>/edit/", staff.StaffProfileEditView.as_view(), name="staff-profile-edit-other"),
    path("entities/", org.EntityListView.as_view(), name="entity-list"),
    path("entities/<int:pk>/", org.EntityDetailView.as_view(), name="entity-detail"),
    path("portfolio/", org.PortfolioView.as_view(), name="portfolio"),
    path("reports/", reports.ReportListView.as_view(), name="report-list"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report-detail"),
    path("reports/<int:pk>/rerun/", reports.ReportRerunView.as_view(), name="report-rerun"),
    path("reports/<int:pk>/download.<str:fmt>", reports.ReportDownloadView.as_view(), name="report-download"),
    path("audit/", audit.AuditListView.as_view(), name="audit-list"),
    path("audit/export.csv", audit.AuditExportView.as_view(), name="audit-export"),
    path("parameters/", parameters.ParameterListView.as_view(), name="parameter-list"),
    path("mobility/", include("mobility.urls")),
    path("deployability/", include("deployability.urls")),
    path("reward/", include("reward.urls")),
    path("telework/", include("telework.urls")),
    path("leadership/", include("leadership.urls")),
    path("api/", include("hrportal.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start script as a file: no inline script under the CSP.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "hrportal"
