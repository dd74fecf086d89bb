from django.core.exceptions import PermissionDenied
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.inputs import BoundedDateSerializerField
from hrportal.scoping import staff_get_visible
from leadership.roles import serializers as s
from leadership.roles.models import ManagementLevel
from leadership.roles.selectors import profile_lines, staff_against_profiles
from leadership.roles.services import profile_requirement_set


def _on(request):
    value = request.query_params.get("on")
    if not value:
        return timezone.localdate()
    field = BoundedDateSerializerField()
    return field.run_validation(value)


class ProfileListApi(APIView):
    """The profile lines in force on `?on=` (default today); POST (central HR) sets a line from a date on."""

    @extend_schema(
        responses=s.ProfileRequirementSerializer(many=True),
        parameters=[OpenApiParameter("on", str, description="Date (YYYY-MM-DD), default today")],
    )
    def get(self, request):
        rows = profile_lines(
            on=_on(request), role=request.query_params.get("role"), tier=request.query_params.get("tier")
        )
        return Response(s.ProfileRequirementSerializer(rows, many=True).data)

    @extend_schema(request=s.ProfileInputSerializer, responses={201: s.ProfileRequirementSerializer})
    def post(self, request):
        data = s.ProfileInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            created = profile_requirement_set(actor=request.user, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        body = s.ProfileRequirementSerializer(created).data if created else {}
        return Response(body, status=status.HTTP_201_CREATED)


class StaffComparisonApi(APIView):
    """A member of staff's competencies against each role's profile for `?tier=` (default their own)."""

    @extend_schema(
        responses=s.RoleComparisonSerializer(many=True),
        parameters=[OpenApiParameter("tier", str, enum=ManagementLevel.values)],
    )
    def get(self, request, pk):
        staff = staff_get_visible(user=request.user, staff_id=pk)
        tier = request.query_params.get("tier")
        if tier not in ManagementLevel.values:
            tier = None
        result = staff_against_profiles(staff=staff, on=timezone.localdate(), tier=tier)
        return Response(s.RoleComparisonSerializer(result, many=True).data)
