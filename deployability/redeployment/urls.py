from django.urls import path

from deployability.redeployment import views as v

P = "redeployment/"
urlpatterns = [
    path(P, v.MineView.as_view(), name="redeployment-mine"),
    path(P + "trajectories/", v.TrajectoryListView.as_view(), name="redeployment-trajectories"),
    path(P + "trajectories/new/", v.TrajectoryCreateView.as_view(), name="redeployment-trajectory-create"),
    path(P + "trajectories/<int:pk>/", v.TrajectoryDetailView.as_view(), name="redeployment-trajectory-detail"),
    path(P + "trajectories/<int:pk>/step/", v.TrajectoryStepView.as_view(), name="redeployment-trajectory-step"),
    path(
        P + "trajectories/<int:pk>/complete/",
        v.TrajectoryCompleteView.as_view(),
        name="redeployment-trajectory-complete",
    ),
    path(
        P + "trajectories/<int:pk>/register/",
        v.TrajectoryRegisterView.as_view(),
        name="redeployment-trajectory-register",
    ),
    path(P + "candidates/", v.CandidateListView.as_view(), name="redeployment-candidates"),
    path(P + "candidates/<int:pk>/", v.CandidateDetailView.as_view(), name="redeployment-candidate-detail"),
    path(
        P + "candidates/<int:pk>/admissibility/",
        v.AdmissibilityView.as_view(),
        name="redeployment-candidate-admissibility",
    ),
    path(P + "candidates/<int:pk>/member/", v.TeamMemberView.as_view(), name="redeployment-candidate-member"),
    path(P + "candidates/<int:pk>/meeting/", v.TeamMeetingView.as_view(), name="redeployment-candidate-meeting"),
    path(P + "candidates/<int:pk>/close/", v.InternalCloseView.as_view(), name="redeployment-candidate-close"),
    path(P + "candidates/<int:pk>/offer/", v.CandidateOfferView.as_view(), name="redeployment-candidate-offer"),
    path(P + "vacancies/", v.VacancyListView.as_view(), name="redeployment-vacancies"),
    path(P + "vacancies/new/", v.VacancyCreateView.as_view(), name="redeployment-vacancy-create"),
    path(P + "vacancies/<int:pk>/", v.VacancyDetailView.as_view(), name="redeployment-vacancy-detail"),
    path(P + "vacancies/<int:pk>/offer/", v.VacancyOfferView.as_view(), name="redeployment-vacancy-offer"),
    path(P + "vacancies/<int:pk>/fill/", v.VacancyFillView.as_view(), name="redeployment-vacancy-fill"),
    path(P + "vacancies/<int:pk>/withdraw/", v.VacancyWithdrawView.as_view(), name="redeployment-vacancy-withdraw"),
    path(P + "offers/", v.OfferListView.as_view(), name="redeployment-offers"),
    path(P + "offers/<int:pk>/", v.OfferDetailView.as_view(), name="redeployment-offer-detail"),
    path(P + "offers/<int:pk>/accept/", v.OfferAcceptView.as_view(), name="redeployment-offer-accept"),
    path(P + "offers/<int:pk>/refuse/", v.OfferRefuseView.as_view(), name="redeployment-offer-refuse"),
    path(P + "figures/", v.FiguresView.as_view(), name="redeployment-figures"),
]
