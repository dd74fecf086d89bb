from django.urls import path

from leadership.monitoring import views as monitoring

urlpatterns = [
    path("monitoring/", monitoring.MonitoringView.as_view(), name="monitoring-index"),
    path("monitoring/snapshot/", monitoring.SnapshotTakeView.as_view(), name="monitoring-snapshot"),
    path("monitoring/reports/<slug:kind>/run/", monitoring.ReportRequestView.as_view(), name="monitoring-request"),
    path("monitoring/runs/<int:pk>/", monitoring.MonitoringRunView.as_view(), name="monitoring-run"),
]
