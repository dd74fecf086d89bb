from django.urls import path

from telework.agreements import views

urlpatterns = [
    path("", views.TeleworkHomeView.as_view(), name="index"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/new/", views.AgreementRequestView.as_view(), name="agreement-request"),
    path("agreements/<int:pk>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path(
        "agreements/<int:pk>/<str:action>/",
        views.AgreementActionView.as_view(),
        name="agreement-action",
    ),
    path("approvals/", views.ApprovalListView.as_view(), name="approvals"),
    path("occupancy/", views.OccupancyView.as_view(), name="occupancy"),
    path("register/", views.RegisterView.as_view(), name="register"),
    path("register/<int:pk>/", views.RegisterEntityView.as_view(), name="register-entity"),
    path("inventory/", views.InventoryView.as_view(), name="inventory"),
]
