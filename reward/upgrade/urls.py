from django.urls import path

from reward.upgrade import views

urlpatterns = [
    path("upgrade/", views.AllowanceListView.as_view(), name="upgrade-list"),
    path("upgrade/grant/", views.GrantView.as_view(), name="upgrade-grant"),
    path("upgrade/expiring/", views.ExpiringView.as_view(), name="upgrade-expiring"),
    path("upgrade/published/", views.PublishedListView.as_view(), name="upgrade-published"),
    path("upgrade/<int:pk>/", views.AllowanceDetailView.as_view(), name="upgrade-detail"),
    path("upgrade/<int:pk>/extend/", views.ExtendView.as_view(), name="upgrade-extend"),
    path("upgrade/<int:pk>/end/", views.EndEarlyView.as_view(), name="upgrade-end"),
]
