from django.urls import path

from reward.upgrade import apis as a

urlpatterns = [
    path("upgrade/", a.AllowanceListApi.as_view(), name="upgrade-list"),
    path("upgrade/expiring/", a.AllowanceExpiringApi.as_view(), name="upgrade-expiring"),
    path("upgrade/published/", a.PublishedListApi.as_view(), name="upgrade-published"),
    path("upgrade/<int:pk>/", a.AllowanceDetailApi.as_view(), name="upgrade-detail"),
    path("upgrade/<int:pk>/extend/", a.AllowanceExtendApi.as_view(), name="upgrade-extend"),
    path("upgrade/<int:pk>/end/", a.AllowanceEndApi.as_view(), name="upgrade-end"),
]
