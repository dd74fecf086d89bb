from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.inputs import BoundedDateSerializerField, IdFilter
from hrportal.roles import Role, roles_of
from telework.agreements import serializers as s
from telework.agreements import services
from telework.agreements.permissions import agreement_get_visible, register_entities_for, sees_register
from telework.agreements.selectors import agreement_list, agreement_pending_for, occupancy_for, register_for
from telework.models import TeleworkAgreement, TeleworkExplanation


class AgreementFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=TeleworkAgreement.Status.choices)
    staff = IdFilter(field_name="staff_id")
    entity = IdFilter(field_name="staff__entity_id")

    class Meta:
        model = TeleworkAgreement
        fields = ["status", "staff", "entity"]


class AgreementListApi(generics.ListAPIView):
    """Agreements the caller may see: own, team's, HR's entities, or all for central HR."""

    serializer_class = s.AgreementSerializer
    filterset_class = AgreementFilter
    ordering_fields = ["requested_at", "start"]

    def get_queryset(self):
        return agreement_list(viewer=self.request.user)

    @extend_schema(request=s.AgreementRequestSerializer, responses={201: s.AgreementSerializer})
    def post(self, request):
        """Ask for a telework agreement for oneself."""
        return _request(request, supersedes_id=None)


def _request(request, *, supersedes_id):
    data = s.AgreementRequestSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    try:
        agreement = services.telework_agreement_request(
            actor=request.user, supersedes_id=supersedes_id, **data.validated_data
        )
    except PermissionDenied:
        raise NotFound from None
    return Response(s.AgreementSerializer(agreement).data, status=status.HTTP_201_CREATED)


class AgreementDetailApi(generics.RetrieveAPIView):
    serializer_class = s.AgreementSerializer

    def get_object(self):
        return agreement_get_visible(user=self.request.user, agreement_id=self.kwargs["pk"])


class PendingApprovalListApi(generics.ListAPIView):
    """Requests of the caller's team that wait for the caller's decision."""

    serializer_class = s.AgreementSerializer

    def get_queryset(self):
        return agreement_pending_for(viewer=self.request.user)


def _transition(request, pk, call, input_serializer):
    agreement = agreement_get_visible(user=request.user, agreement_id=pk)
    data = input_serializer(data=request.data)
    data.is_valid(raise_exception=True)
    try:
        result = call(agreement_id=agreement.pk, actor=request.user, **data.validated_data)
    except PermissionDenied:
        raise Http404 from None
    result.refresh_from_db()
    return Response(s.AgreementSerializer(result).data)


class AgreementApproveApi(APIView):
    @extend_schema(request=s.DecisionSerializer, responses=s.AgreementSerializer)
    def post(self, request, pk):
        return _transition(request, pk, services.telework_agreement_approve, s.DecisionSerializer)


class AgreementRefuseApi(APIView):
    @extend_schema(request=s.RefusalSerializer, responses=s.AgreementSerializer)
    def post(self, request, pk):
        return _transition(request, pk, services.telework_agreement_refuse, s.RefusalSerializer)


class AgreementWithdrawApi(APIView):
    @extend_schema(request=None, responses=s.AgreementSerializer)
    def post(self, request, pk):
        agreement = agreement_get_visible(user=request.user, agreement_id=pk)
        try:
            result = services.telework_agreement_withdraw(agreement_id=agreement.pk, actor=request.user)
        except PermissionDenied:
            raise Http404 from None
        return Response(s.AgreementSerializer(result).data)


class AgreementEndApi(APIView):
    @extend_schema(request=s.EndSerializer, responses=s.AgreementSerializer)
    def post(self, request, pk):
        return _transition(request, pk, services.telework_agreement_end, s.EndSerializer)


class AgreementChangeApi(APIView):
    """Ask for a change of one's approved agreement: a new request that supersedes it once approved."""

    @extend_schema(request=s.AgreementRequestSerializer, responses={201: s.AgreementSerializer})
    def post(self, request, pk):
        agreement = agreement_get_visible(user=request.user, agreement_id=pk)
        return _request(request, supersedes_id=agreement.pk)


class OccupancyApi(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("on", str, description="YYYY-MM-DD, default today")],
        responses=s.OccupancyRowSerializer(many=True),
    )
    def get(self, request):
        on = timezone.localdate()
        if request.query_params.get("on"):
            on = BoundedDateSerializerField().run_validation(request.query_params["on"])
        return Response(s.OccupancyRowSerializer(occupancy_for(viewer=request.user, on=on)["rows"], many=True).data)


class RegisterApi(APIView):
    """The comply-or-explain register: current state of each entity the caller sees (HR, central HR)."""

    @extend_schema(responses=s.RegisterRowSerializer(many=True))
    def get(self, request):
        if not sees_register(request.user):
            raise NotFound
        return Response(
            s.RegisterRowSerializer(register_for(viewer=request.user, on=timezone.localdate()), many=True).data
        )


class ExplanationListApi(generics.ListAPIView):
    """Every comply-or-explain record (history) of the caller's entities; HR records a new one with POST."""

    serializer_class = s.ExplanationSerializer
    filterset_fields = ["entity", "applies_telework"]
    queryset = TeleworkExplanation.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        if not roles_of(self.request.user) & {Role.HR, Role.CENTRAL, Role.ADMIN}:
            raise NotFound
        return (
            TeleworkExplanation.objects.filter(entity__in=register_entities_for(self.request.user))
            .select_related("entity")
            .order_by("entity__name", "-effective_from")
        )

    @extend_schema(request=s.ExplanationInputSerializer, responses={201: s.ExplanationSerializer})
    def post(self, request):
        data = s.ExplanationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            record = services.telework_explanation_record(entity_id=values.pop("entity"), actor=request.user, **values)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.ExplanationSerializer(record).data, status=status.HTTP_201_CREATED)
