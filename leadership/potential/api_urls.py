from django.urls import path

from leadership.potential import apis as a

urlpatterns = [
    path("assessments/", a.AssessmentListApi.as_view(), name="assessments"),
    path("assessments/<int:pk>/", a.AssessmentDetailApi.as_view(), name="assessment-detail"),
    path("talent-pool/", a.TalentPoolApi.as_view(), name="talent-pool"),
]
