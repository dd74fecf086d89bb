from django.urls import path

from deployability.reintegration import views as v

urlpatterns = [
    path("reintegration/", v.CaseListView.as_view(), name="reintegration-list"),
    path("reintegration/new/", v.CaseOpenView.as_view(), name="reintegration-create"),
    path("reintegration/<int:pk>/", v.CaseDetailView.as_view(), name="reintegration-detail"),
    path("reintegration/<int:pk>/<str:action>/", v.CaseActionView.as_view(), name="reintegration-action"),
]
