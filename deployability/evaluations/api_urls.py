from django.urls import path

from deployability.evaluations import apis as a

P = "evaluations/"
urlpatterns = [
    path(P, a.CaseListApi.as_view(), name="evaluation-cases"),
    path(P + "<int:pk>/", a.CaseDetailApi.as_view(), name="evaluation-case-detail"),
    path(P + "<int:pk>/special-dismissal/", a.CaseSpecialDismissalApi.as_view(), name="evaluation-case-special"),
    path(P + "<int:pk>/guidance/", a.CaseGuidanceApi.as_view(), name="evaluation-case-guidance"),
    path(P + "<int:pk>/evaluations/", a.CaseEvaluationApi.as_view(), name="evaluation-case-evaluation"),
    path(P + "<int:pk>/dismissal/", a.CaseDismissalApi.as_view(), name="evaluation-case-dismissal"),
    path(P + "<int:pk>/close/", a.CaseCloseApi.as_view(), name="evaluation-case-close"),
]
