from django.urls import path

from mobility.marketplace import views as v

m = "marketplace/"
urlpatterns = [
    path("", v.MobilityHomeView.as_view(), name="index"),
    path(f"{m}offers/", v.OfferListView.as_view(), name="offer-list"),
    path(f"{m}offers/new/", v.OfferCreateView.as_view(), name="offer-create"),
    path(f"{m}offers/<int:pk>/", v.OfferDetailView.as_view(), name="offer-detail"),
    path(f"{m}offers/<int:pk>/edit/", v.OfferUpdateView.as_view(), name="offer-edit"),
    path(f"{m}offers/<int:pk>/<slug:action>/", v.OfferTransitionView.as_view(), name="offer-transition"),
    path(f"{m}for-you/", v.ForYouView.as_view(), name="for-you"),
    path(f"{m}requests/", v.RequestListView.as_view(), name="request-list"),
    path(f"{m}requests/new/", v.RequestCreateView.as_view(), name="request-create"),
    path(f"{m}requests/<int:pk>/", v.RequestDetailView.as_view(), name="request-detail"),
    path(f"{m}requests/<int:pk>/edit/", v.RequestUpdateView.as_view(), name="request-edit"),
    path(f"{m}requests/<int:pk>/candidates/", v.CandidatesView.as_view(), name="request-candidates"),
    path(f"{m}requests/<int:pk>/apply/", v.ApplyView.as_view(), name="request-apply"),
    path(f"{m}requests/<int:pk>/invite/", v.InviteView.as_view(), name="request-invite"),
    path(f"{m}requests/<int:pk>/<slug:action>/", v.RequestTransitionView.as_view(), name="request-transition"),
    path(f"{m}applications/", v.ApplicationListView.as_view(), name="application-list"),
    path(f"{m}applications/<int:pk>/", v.ApplicationDetailView.as_view(), name="application-detail"),
    path(f"{m}applications/<int:pk>/<slug:action>/", v.ApplicationActionView.as_view(), name="application-action"),
    path(f"{m}assignments/", v.AssignmentListView.as_view(), name="assignment-list"),
    path(f"{m}market/", v.MarketView.as_view(), name="market"),
]
