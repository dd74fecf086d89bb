from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from deployability.leave import serializers as s
from deployability.leave import services
from deployability.leave.permissions import leave_request_get_visible, leave_requests_visible_to
from deployability.leave.selectors import balances_for, leave_pending_for, leave_rights_active
from hrportal.inputs import query_year
from hrportal.roles import staff_of


class LeaveRightListApi(generics.ListAPIView):
    """The catalogue: leave rights and the standardised favour leave."""

    serializer_class = s.LeaveRightSerializer
    pagination_class = None

    def get_queryset(self):
        return leave_rights_active()


class LeaveRequestListApi(generics.ListAPIView):
    """Leave requests the caller may see; POST asks leave for oneself."""

    serializer_class = s.LeaveRequestSerializer
    filterset_fields = ["status", "right", "staff"]

    def get_queryset(self):
        return leave_requests_visible_to(self.request.user).select_related("staff", "right").order_by("-start", "-id")

    @extend_schema(request=s.LeaveRequestInputSerializer, responses={201: s.LeaveRequestSerializer})
    def post(self, request):
        data = s.LeaveRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            leave = services.leave_request_create(actor=request.user, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.LeaveRequestSerializer(leave).data, status=status.HTTP_201_CREATED)


class LeaveRequestPendingApi(generics.ListAPIView):
    """Requests of the caller's team that wait for their decision."""

    serializer_class = s.LeaveRequestSerializer

    def get_queryset(self):
        return leave_pending_for(viewer=self.request.user)


class LeaveRequestDetailApi(generics.RetrieveAPIView):
    serializer_class = s.LeaveRequestSerializer

    def get_object(self):
        return leave_request_get_visible(user=self.request.user, request_id=self.kwargs["pk"])


class _ActionApi(APIView):
    action_name = ""

    @extend_schema(request=s.LeaveDecisionSerializer, responses=s.LeaveRequestSerializer)
    def post(self, request, pk):
        leave = leave_request_get_visible(user=request.user, request_id=pk)
        data = s.LeaveDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reason = data.validated_data["reason"]
        try:
            if self.action_name == "approve":
                leave = services.leave_request_approve(request_id=leave.pk, actor=request.user, reason=reason)
            elif self.action_name == "refuse":
                leave = services.leave_request_refuse(request_id=leave.pk, actor=request.user, reason=reason)
            else:
                leave = services.leave_request_withdraw(request_id=leave.pk, actor=request.user)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.LeaveRequestSerializer(leave).data)


class LeaveRequestApproveApi(_ActionApi):
    action_name = "approve"


class LeaveRequestRefuseApi(_ActionApi):
    """Refuse with a reason (required)."""

    action_name = "refuse"


class LeaveRequestWithdrawApi(_ActionApi):
    action_name = "withdraw"


class LeaveBalanceApi(APIView):
    """The caller's balances per right for `?year=` (default: this year)."""

    @extend_schema(
        responses=s.BalanceSerializer(many=True),
        parameters=[OpenApiParameter("year", int, description="Year (default: this year)")],
    )
    def get(self, request):
        me = staff_of(request.user)
        if me is None:
            raise NotFound
        year = query_year(request.query_params.get("year"))
        return Response(s.BalanceSerializer(balances_for(staff=me, year=year), many=True).data)
