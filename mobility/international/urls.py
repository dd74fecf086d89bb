from django.urls import path

from mobility.international import views as v

urlpatterns = [
    path("international/", v.OverviewView.as_view(), name="intl-overview"),
    path("international/calls/", v.CallListView.as_view(), name="intl-call-list"),
    path("international/calls/new/", v.CallCreateView.as_view(), name="intl-call-create"),
    path("international/calls/<int:pk>/", v.CallDetailView.as_view(), name="intl-call-detail"),
    path("international/calls/<int:pk>/edit/", v.CallUpdateView.as_view(), name="intl-call-edit"),
    path("international/applications/", v.ApplicationListView.as_view(), name="intl-application-list"),
    path("international/applications/<int:pk>/", v.ApplicationDetailView.as_view(), name="intl-application-detail"),
    path("international/totals/", v.TotalsView.as_view(), name="intl-totals"),
    path("external/", v.VacancyListView.as_view(), name="ext-vacancy-list"),
    path("external/new/", v.VacancyCreateView.as_view(), name="ext-vacancy-create"),
    path("external/<int:pk>/", v.VacancyDetailView.as_view(), name="ext-vacancy-detail"),
    path("detachments/", v.DetachmentListView.as_view(), name="detachment-list"),
    path("detachments/new/", v.DetachmentCreateView.as_view(), name="detachment-create"),
]
