from django.urls import path

from mobility.marketplace import apis as a
from mobility.marketplace.services import OFFER_TRANSITIONS, REQUEST_TRANSITIONS

urlpatterns = [
    path("offers/", a.OfferListCreateApi.as_view(), name="marketplace-offer-list"),
    path("offers/<int:pk>/", a.OfferDetailApi.as_view(), name="marketplace-offer-detail"),
    path("requests/", a.RequestListCreateApi.as_view(), name="marketplace-request-list"),
    path("requests/<int:pk>/", a.RequestDetailApi.as_view(), name="marketplace-request-detail"),
    path("requests/<int:pk>/candidates/", a.RequestCandidatesApi.as_view(), name="marketplace-candidates"),
    path("requests/<int:pk>/apply/", a.ApplyApi.as_view(), name="marketplace-apply"),
    path("requests/<int:pk>/invite/", a.InviteApi.as_view(), name="marketplace-invite"),
    path("for-you/", a.ForYouApi.as_view(), name="marketplace-for-you"),
    path("applications/", a.ApplicationListApi.as_view(), name="marketplace-application-list"),
    path("applications/<int:pk>/", a.ApplicationDetailApi.as_view(), name="marketplace-application-detail"),
    path("assignments/", a.AssignmentListApi.as_view(), name="marketplace-assignment-list"),
    path("market/", a.MarketApi.as_view(), name="marketplace-market"),
]
urlpatterns += [
    path(f"offers/<int:pk>/{name}/", a.OfferTransitionApi.as_view(action_name=name), name=f"marketplace-offer-{name}")
    for name in OFFER_TRANSITIONS
]
urlpatterns += [
    path(
        f"requests/<int:pk>/{name}/",
        a.RequestTransitionApi.as_view(action_name=name),
        name=f"marketplace-request-{name}",
    )
    for name in REQUEST_TRANSITIONS
]
urlpatterns += [
    path(
        f"applications/<int:pk>/{name}/",
        a.ApplicationActionApi.as_view(action_name=name),
        name=f"marketplace-application-{name}",
    )
    for name in a.ACTIONS
]
