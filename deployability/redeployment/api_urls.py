from django.urls import path

from deployability.redeployment import apis as a

P = "redeployment/"
urlpatterns = [
    path(P + "trajectories/", a.TrajectoryListApi.as_view(), name="redeployment-trajectories"),
    path(P + "trajectories/<int:pk>/", a.TrajectoryDetailApi.as_view(), name="redeployment-trajectory-detail"),
    path(
        P + "trajectories/<int:pk>/complete/",
        a.TrajectoryCompleteApi.as_view(),
        name="redeployment-trajectory-complete",
    ),
    path(
        P + "trajectories/<int:pk>/register/",
        a.TrajectoryRegisterApi.as_view(),
        name="redeployment-trajectory-register",
    ),
    path(P + "trajectories/<int:pk>/steps/", a.TrajectoryStepApi.as_view(), name="redeployment-trajectory-steps"),
    path(P + "candidates/<int:pk>/team-members/", a.CandidateTeamMemberApi.as_view(), name="redeployment-team-members"),
    path(
        P + "candidates/<int:pk>/team-meetings/", a.CandidateTeamMeetingApi.as_view(), name="redeployment-team-meetings"
    ),
    path(
        P + "candidates/<int:pk>/internal-close/",
        a.CandidateInternalCloseApi.as_view(),
        name="redeployment-internal-close",
    ),
    path(P + "vacancies/<int:pk>/withdraw/", a.VacancyWithdrawApi.as_view(), name="redeployment-vacancy-withdraw"),
    path(P + "vacancies/<int:pk>/fill/", a.VacancyFillApi.as_view(), name="redeployment-vacancy-fill"),
    path(P + "candidates/", a.CandidateListApi.as_view(), name="redeployment-candidates"),
    path(P + "candidates/<int:pk>/", a.CandidateDetailApi.as_view(), name="redeployment-candidate-detail"),
    path(
        P + "candidates/<int:pk>/admissibility/",
        a.CandidateAdmissibilityApi.as_view(),
        name="redeployment-candidate-admissibility",
    ),
    path(P + "candidates/<int:pk>/offers/", a.CandidateOfferApi.as_view(), name="redeployment-candidate-offer"),
    path(P + "vacancies/", a.VacancyListApi.as_view(), name="redeployment-vacancies"),
    path(P + "vacancies/<int:pk>/", a.VacancyDetailApi.as_view(), name="redeployment-vacancy-detail"),
    path(
        P + "vacancies/<int:pk>/candidates/", a.VacancyCandidatesApi.as_view(), name="redeployment-vacancy-candidates"
    ),
    path(P + "offers/", a.OfferListApi.as_view(), name="redeployment-offers"),
    path(P + "offers/<int:pk>/", a.OfferDetailApi.as_view(), name="redeployment-offer-detail"),
    path(P + "offers/<int:pk>/accept/", a.OfferAcceptApi.as_view(), name="redeployment-offer-accept"),
    path(P + "offers/<int:pk>/refuse/", a.OfferRefuseApi.as_view(), name="redeployment-offer-refuse"),
]
