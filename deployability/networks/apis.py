from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from deployability.networks import serializers as s
from deployability.networks import services
from deployability.networks.models import NetworkSession, SharedPractice
from deployability.networks.permissions import can_manage_networks, is_member, network_get_visible
from deployability.networks.selectors import networks_with_counts, practices_of, sessions_of


class NetworkListApi(generics.ListAPIView):
    """Every network (GET); central HR creates one (POST)."""

    serializer_class = s.NetworkSerializer
    pagination_class = None

    def get_queryset(self):
        return networks_with_counts()

    @extend_schema(request=s.NetworkInputSerializer, responses={201: s.NetworkSerializer})
    def post(self, request):
        if not can_manage_networks(request.user):
            raise NotFound  # like the pages: a central-HR action is not there for others
        data = s.NetworkInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        network = services.network_create(actor=request.user, **data.validated_data)  # 400 on a refused rule
        return Response(s.NetworkSerializer(networks_with_counts().get(pk=network.pk)).data, status=201)


class NetworkJoinApi(APIView):
    @extend_schema(request=None, responses={201: s.NetworkSerializer})
    def post(self, request, pk):
        network = network_get_visible(user=request.user, network_id=pk)
        try:
            services.network_join(actor=request.user, network_id=network.pk)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.NetworkSerializer(networks_with_counts().get(pk=network.pk)).data, status=201)


class SessionListApi(generics.ListAPIView):
    serializer_class = s.SessionSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return NetworkSession.objects.none()
        network = network_get_visible(user=self.request.user, network_id=self.kwargs["pk"])
        return sessions_of(network_id=network.pk)

    @extend_schema(request=s.SessionInputSerializer, responses={201: s.SessionSerializer})
    def post(self, request, pk):
        """Central HR plans a session of the network."""
        network = network_get_visible(user=request.user, network_id=pk)
        if not can_manage_networks(request.user):
            raise NotFound  # like the pages: a central-HR action is not there for others
        data = s.SessionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = services.session_plan(actor=request.user, network_id=network.pk, **data.validated_data)
        return Response(s.SessionSerializer(sessions_of(network_id=network.pk).get(pk=session.pk)).data, status=201)


class SessionRegisterApi(APIView):
    """Take a place in a session (members; 400 when it is full)."""

    @extend_schema(request=None, responses={201: s.SessionSerializer})
    def post(self, request, pk):
        if not NetworkSession.objects.filter(pk=pk).exists():
            raise NotFound
        try:
            services.session_register(actor=request.user, session_id=pk)
        except PermissionDenied:
            raise NotFound from None
        session = sessions_of(network_id=NetworkSession.objects.get(pk=pk).network_id).get(pk=pk)
        return Response(s.SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class PracticeListApi(generics.ListAPIView):
    """The network's shared practices, for members; POST (multipart) shares one."""

    serializer_class = s.PracticeSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def _network(self):
        network = network_get_visible(user=self.request.user, network_id=self.kwargs["pk"])
        if not is_member(user=self.request.user, network=network):
            raise NotFound
        return network

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SharedPractice.objects.none()
        return practices_of(network_id=self._network().pk)

    @extend_schema(request=s.PracticeInputSerializer, responses={201: s.PracticeSerializer})
    def post(self, request, pk):
        network = self._network()
        data = s.PracticeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            practice = services.practice_share(
                actor=request.user,
                network_id=network.pk,
                title=values["title"],
                text=values["text"],
                upload=values["file"],
            )
        except PermissionDenied:
            raise NotFound from None
        return Response(s.PracticeSerializer(practice).data, status=status.HTTP_201_CREATED)
