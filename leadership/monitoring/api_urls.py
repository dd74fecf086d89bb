from django.urls import path

from leadership.monitoring import apis as a

urlpatterns = [
    path("monitoring/targets/", a.GenderTargetListApi.as_view(), name="monitoring-targets"),
    path("monitoring/snapshot/", a.SnapshotTakeApi.as_view(), name="monitoring-snapshot"),
    path("monitoring/figures/", a.FiguresApi.as_view(), name="monitoring-figures"),
]
