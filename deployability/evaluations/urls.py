from django.urls import path

from deployability.evaluations import views as v

P = "evaluations/"
urlpatterns = [
    path(P, v.CaseListView.as_view(), name="evaluations-cases"),
    path(P + "<int:pk>/", v.CaseDetailView.as_view(), name="evaluations-case-detail"),
    path(P + "<int:pk>/special-dismissal/", v.SpecialDismissalView.as_view(), name="evaluations-case-special"),
    path(P + "<int:pk>/guidance/", v.GuidanceView.as_view(), name="evaluations-case-guidance"),
    path(P + "<int:pk>/evaluation/", v.EvaluationView.as_view(), name="evaluations-case-evaluation"),
    path(P + "<int:pk>/dismissal/", v.DismissalView.as_view(), name="evaluations-case-dismissal"),
    path(P + "<int:pk>/close/", v.CloseView.as_view(), name="evaluations-case-close"),
]
