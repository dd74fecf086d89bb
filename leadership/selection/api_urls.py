from django.urls import path

from leadership.selection import apis as a

urlpatterns = [
    path("selections/", a.SelectionListApi.as_view(), name="selections"),
    path("selections/<int:pk>/", a.SelectionDetailApi.as_view(), name="selection-detail"),
    path("selections/<int:pk>/candidates/", a.CandidateAddApi.as_view(), name="selection-candidates"),
    path("selections/<int:pk>/appoint/", a.AppointApi.as_view(), name="selection-appoint"),
    path("probations/", a.ProbationListApi.as_view(), name="probations"),
    path("probations/<int:pk>/", a.ProbationDetailApi.as_view(), name="probation-detail"),
    path("probations/<int:pk>/evaluate/", a.ProbationEvaluateApi.as_view(), name="probation-evaluate"),
]
