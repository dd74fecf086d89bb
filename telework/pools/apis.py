from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.inputs import query_year
from hrportal.models import Staff
from telework.models import Pool, PoolAssignment, SupportRequest
from telework.pools import serializers as s
from telework.pools.permissions import (
    can_coordinate_pool,
    can_manage_pools,
    coordinated_pool_ids,
    support_request_get_visible,
    support_requests_visible_to,
)
from telework.pools.selectors import assignments_of, pool_list, pool_members_with_budget
from telework.pools.services import (
    pool_assignment_complete,
    pool_member_save,
    support_request_assign,
    support_request_cancel,
    support_request_create,
    support_request_decline,
)


def _detail(request, pk) -> Response:
    return Response(s.SupportRequestSerializer(support_request_get_visible(user=request.user, request_id=pk)).data)


class PoolListApi(generics.ListAPIView):
    serializer_class = s.PoolSerializer
    pagination_class = None

    def get_queryset(self):
        return pool_list()


class PoolMemberListApi(APIView):
    """Members with their time budget for `?year=` (default: this year): central HR or the pool's coordinator."""

    @extend_schema(
        responses=s.PoolMemberBudgetSerializer(many=True),
        parameters=[OpenApiParameter("year", int, description="Budget year (default: this year)")],
    )
    def get(self, request, pk):
        pool = get_object_or_404(Pool, pk=pk)
        if not (can_manage_pools(request.user) or can_coordinate_pool(user=request.user, pool_id=pool.pk)):
            raise NotFound
        year = query_year(request.query_params.get("year"))
        members = pool_members_with_budget(pool_ids=[pool.pk], year=year)
        return Response(s.PoolMemberBudgetSerializer(members, many=True).data)

    @extend_schema(request=s.PoolMemberInputSerializer, responses={201: s.PoolMemberBudgetSerializer})
    def post(self, request, pk):
        pool = get_object_or_404(Pool, pk=pk)
        if not can_manage_pools(request.user):
            raise NotFound
        data = s.PoolMemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        staff = Staff.objects.filter(personnel_number=data.validated_data.pop("personnel_number")).first()
        if staff is None:
            return Response({"personnel_number": ["No member of staff with this number."]}, status=400)
        member = pool_member_save(actor=request.user, pool=pool, staff=staff, **data.validated_data)
        year = timezone.localdate().year
        member = next(m for m in pool_members_with_budget(pool_ids=[pool.pk], year=year) if m.pk == member.pk)
        return Response(s.PoolMemberBudgetSerializer(member).data, status=status.HTTP_201_CREATED)


class SupportRequestListApi(generics.ListAPIView):
    """Requests the caller may see; POST asks for support."""

    serializer_class = s.SupportRequestSerializer
    filterset_fields = ["status", "pool", "entity"]

    def get_queryset(self):
        return support_requests_visible_to(self.request.user).select_related("entity", "assignment__member__staff")

    @extend_schema(request=s.SupportRequestInputSerializer, responses={201: s.SupportRequestSerializer})
    def post(self, request):
        data = s.SupportRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            created = support_request_create(actor=request.user, kind=values.pop("support_kind"), **values)
        except PermissionDenied:
            raise NotFound from None
        except ValidationError as error:
            # The service names the field "kind"; the API calls it "support_kind".
            if hasattr(error, "error_dict") and "kind" in error.error_dict:
                error.error_dict["support_kind"] = error.error_dict.pop("kind")
            raise
        return Response(s.SupportRequestSerializer(created).data, status=status.HTTP_201_CREATED)


class SupportRequestQueueApi(generics.ListAPIView):
    """Open requests of the pools the caller coordinates."""

    serializer_class = s.SupportRequestSerializer

    def get_queryset(self):
        return (
            SupportRequest.objects.filter(
                pool_id__in=coordinated_pool_ids(self.request.user), status=SupportRequest.Status.OPEN
            )
            .select_related("entity")
            .order_by("created_at", "id")
        )


class SupportRequestDetailApi(generics.RetrieveAPIView):
    serializer_class = s.SupportRequestSerializer

    def get_object(self):
        return support_request_get_visible(user=self.request.user, request_id=self.kwargs["pk"])


class _RequestTransitionApi(APIView):
    coordinator_only = False

    def _check(self, request, pk) -> None:
        """Out of scope, or not the pool's coordinator for a coordinator's decision: 404 before reading input."""
        found = support_request_get_visible(user=request.user, request_id=pk)
        if self.coordinator_only and not can_coordinate_pool(user=request.user, pool_id=found.pool_id):
            raise NotFound

    def _call(self, request, pk, service, **kwargs) -> Response:
        try:
            service(request_id=pk, actor=request.user, **kwargs)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, pk)


class SupportRequestAssignApi(_RequestTransitionApi):
    coordinator_only = True

    @extend_schema(request=s.AssignInputSerializer, responses=s.SupportRequestSerializer)
    def post(self, request, pk):
        self._check(request, pk)
        data = s.AssignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        return self._call(request, pk, support_request_assign, member_id=values.pop("member"), **values)


class SupportRequestDeclineApi(_RequestTransitionApi):
    coordinator_only = True

    @extend_schema(request=s.DeclineInputSerializer, responses=s.SupportRequestSerializer)
    def post(self, request, pk):
        self._check(request, pk)
        data = s.DeclineInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._call(request, pk, support_request_decline, reason=data.validated_data["reason"])


class SupportRequestCancelApi(_RequestTransitionApi):
    @extend_schema(request=None, responses=s.SupportRequestSerializer)
    def post(self, request, pk):
        self._check(request, pk)
        return self._call(request, pk, support_request_cancel)


class AssignmentListApi(generics.ListAPIView):
    """The caller's own assignments as a pool member."""

    serializer_class = s.PoolAssignmentSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return assignments_of(viewer=self.request.user).select_related("member__staff")


class AssignmentCompleteApi(APIView):
    @extend_schema(request=None, responses=s.PoolAssignmentSerializer)
    def post(self, request, pk):
        assignment = PoolAssignment.objects.filter(pk=pk).only("request_id").first()
        if assignment is None:
            raise NotFound
        support_request_get_visible(user=request.user, request_id=assignment.request_id)
        try:
            done = pool_assignment_complete(assignment_id=pk, actor=request.user)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.PoolAssignmentSerializer(done).data)
