from functools import partial

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.pagination import PageColumnsPaginator, StandardPagination
from mobility.marketplace import selectors as sel
from mobility.marketplace import serializers as s
from mobility.marketplace import services as svc
from mobility.marketplace.filters import CandidateFilter, ForYouFilter, RequestFilter
from mobility.marketplace.permissions import (
    application_get_visible,
    can_see_candidates,
    is_market_maker,
    offer_get_visible,
    request_get_visible,
)


def _call(fn, **kwargs):
    """Services raise PermissionDenied for someone who may see but not act: the API answers 404 as for scope."""
    try:
        return fn(**kwargs)
    except PermissionDenied:
        raise Http404 from None


class OfferListCreateApi(generics.ListAPIView):
    """Talent offers the caller may see (own, team, HR entities, candidates of own requests); POST publishes one."""

    serializer_class = s.OfferSerializer

    def get_queryset(self):
        return sel.offer_list(viewer=self.request.user)

    @extend_schema(request=s.OfferInputSerializer, responses={201: s.OfferSerializer})
    def post(self, request):
        data = s.OfferInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offer = _call(svc.offer_create, actor=request.user, **data.to_service())
        return Response(s.OfferSerializer(offer).data, status=status.HTTP_201_CREATED)


class OfferDetailApi(APIView):
    @extend_schema(responses=s.OfferSerializer)
    def get(self, request, pk):
        return Response(s.OfferSerializer(offer_get_visible(user=request.user, offer_id=pk)).data)

    @extend_schema(request=s.OfferInputSerializer, responses=s.OfferSerializer)
    def put(self, request, pk):
        offer_get_visible(user=request.user, offer_id=pk)
        data = s.OfferInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offer = _call(svc.offer_update, actor=request.user, offer_id=pk, **data.to_service())
        return Response(s.OfferSerializer(offer).data)


class OfferTransitionApi(APIView):
    action_name = ""

    @extend_schema(request=None, responses=s.OfferSerializer)
    def post(self, request, pk):
        offer_get_visible(user=request.user, offer_id=pk)
        offer = _call(svc.offer_transition, actor=request.user, offer_id=pk, action=self.action_name)
        return Response(s.OfferSerializer(offer).data)


class RequestListCreateApi(generics.ListAPIView):
    """Talent requests: every open one, and one's own or one's scope's in any status; POST publishes one."""

    serializer_class = s.RequestSerializer
    filterset_class = RequestFilter

    def get_queryset(self):
        return sel.request_list(viewer=self.request.user)

    @extend_schema(request=s.RequestInputSerializer, responses={201: s.RequestSerializer})
    def post(self, request):
        data = s.RequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = _call(svc.request_create, actor=request.user, **data.to_service())
        return Response(s.RequestSerializer(item).data, status=status.HTTP_201_CREATED)


class RequestDetailApi(APIView):
    @extend_schema(responses=s.RequestSerializer)
    def get(self, request, pk):
        return Response(s.RequestSerializer(request_get_visible(user=request.user, request_id=pk)).data)

    @extend_schema(request=s.RequestInputSerializer, responses=s.RequestSerializer)
    def put(self, request, pk):
        request_get_visible(user=request.user, request_id=pk)
        data = s.RequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = _call(svc.request_update, actor=request.user, request_id=pk, **data.to_service())
        return Response(s.RequestSerializer(item).data)


class RequestTransitionApi(APIView):
    action_name = ""

    @extend_schema(request=None, responses=s.RequestSerializer)
    def post(self, request, pk):
        request_get_visible(user=request.user, request_id=pk)
        item = _call(svc.request_transition, actor=request.user, request_id=pk, action=self.action_name)
        return Response(s.RequestSerializer(item).data)


class CandidatePagination(StandardPagination):
    paginator_base = partial(PageColumnsPaginator, columns=sel.CANDIDATE_COLUMNS)


class RequestCandidatesApi(generics.ListAPIView):
    """Ranked candidates of one's own request (central HR may look too), with the explanation of each score."""

    serializer_class = s.CandidateSerializer
    pagination_class = CandidatePagination
    filterset_class = CandidateFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return sel.Match.objects.none()
        item = request_get_visible(
            user=self.request.user, request_id=self.kwargs["pk"], fields=sel.CANDIDATES_REQUEST_FIELDS
        )
        if not can_see_candidates(user=self.request.user, request=item):
            raise NotFound
        return sel.candidates_for_request(request=item)


class ForYouApi(generics.ListAPIView):
    """Requests ranked for the caller's own active offers."""

    serializer_class = s.ForYouSerializer
    filterset_class = ForYouFilter

    def get_queryset(self):
        return sel.matches_for_provider(viewer=self.request.user)


class ApplyApi(APIView):
    @extend_schema(request=s.ApplyInputSerializer, responses={201: s.TalentApplicationSerializer})
    def post(self, request, pk):
        request_get_visible(user=request.user, request_id=pk)
        data = s.ApplyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            offer_get_visible(user=request.user, offer_id=data.validated_data["offer"])
        except Http404:
            raise NotFound from None
        application = _call(
            svc.application_apply,
            actor=request.user,
            request_id=pk,
            offer_id=data.validated_data["offer"],
            message=data.validated_data["message"],
        )
        return Response(s.TalentApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


class InviteApi(APIView):
    @extend_schema(request=s.ApplyInputSerializer, responses={201: s.TalentApplicationSerializer})
    def post(self, request, pk):
        request_get_visible(user=request.user, request_id=pk)
        data = s.ApplyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = _call(
            svc.application_invite,
            actor=request.user,
            request_id=pk,
            offer_id=data.validated_data["offer"],
            message=data.validated_data["message"],
        )
        return Response(s.TalentApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


class ApplicationListApi(generics.ListAPIView):
    """Applications and invitations the caller takes part in or may see (team, HR entities)."""

    serializer_class = s.TalentApplicationSerializer
    filterset_fields = ["status", "kind", "request", "offer"]

    def get_queryset(self):
        return sel.application_list(viewer=self.request.user).order_by("-created_at", "-id")


class ApplicationDetailApi(generics.RetrieveAPIView):
    serializer_class = s.TalentApplicationSerializer

    def get_object(self):
        return application_get_visible(user=self.request.user, application_id=self.kwargs["pk"])


ACTIONS = {
    "consent": lambda user, pk, reason: svc.application_consent(actor=user, application_id=pk),
    "refuse": lambda user, pk, reason: svc.application_refuse(actor=user, application_id=pk, reason=reason),
    "accept": lambda user, pk, reason: svc.application_accept(actor=user, application_id=pk).application,
    "decline": lambda user, pk, reason: svc.application_decline(actor=user, application_id=pk, reason=reason),
    "withdraw": lambda user, pk, reason: svc.application_withdraw(actor=user, application_id=pk, reason=reason),
    "accept-invitation": lambda user, pk, reason: svc.application_answer_invitation(
        actor=user, application_id=pk, accept=True
    ),
    "decline-invitation": lambda user, pk, reason: svc.application_answer_invitation(
        actor=user, application_id=pk, accept=False, reason=reason
    ),
}


class ApplicationActionApi(APIView):
    """One decision on an application: consent/refuse (line manager), accept/decline (requester),
    withdraw, accept-invitation/decline-invitation (provider). Refusals and declines need a reason."""

    action_name = ""

    @extend_schema(request=s.ReasonInputSerializer, responses=s.TalentApplicationSerializer)
    def post(self, request, pk):
        application_get_visible(user=request.user, application_id=pk)
        data = s.ReasonInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            application = ACTIONS[self.action_name](request.user, pk, data.validated_data["reason"])
        except PermissionDenied:
            raise NotFound from None
        application.refresh_from_db()
        return Response(s.TalentApplicationSerializer(application).data)


class AssignmentListApi(generics.ListAPIView):
    serializer_class = s.TalentAssignmentSerializer

    def get_queryset(self):
        return sel.assignment_list(viewer=self.request.user)


class MarketApi(APIView):
    """The market maker's figures (central HR)."""

    @extend_schema(responses=s.MarketSerializer)
    def get(self, request):
        if not is_market_maker(request.user):
            raise NotFound
        return Response(s.MarketSerializer(sel.market_overview()).data)
