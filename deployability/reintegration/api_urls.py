from django.urls import path

from deployability.reintegration import apis as a

urlpatterns = [
    path("reintegration/cases/", a.CaseListApi.as_view(), name="reintegration-cases"),
    path("reintegration/cases/<int:pk>/", a.CaseDetailApi.as_view(), name="reintegration-case-detail"),
    path("reintegration/cases/<int:pk>/steps/", a.CaseStepApi.as_view(), name="reintegration-case-steps"),
    path("reintegration/cases/<int:pk>/close/", a.CaseCloseApi.as_view(), name="reintegration-case-close"),
]
