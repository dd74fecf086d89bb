from django.urls import path

from leadership.potential import views

urlpatterns = [
    path("potential/", views.PotentialIndexView.as_view(), name="potential-index"),
    path("potential/new/", views.AssessmentCreateView.as_view(), name="potential-create"),
    path("potential/<int:pk>/", views.AssessmentDetailView.as_view(), name="potential-detail"),
    path("potential/talent-pool/", views.TalentPoolView.as_view(), name="potential-talent-pool"),
]
