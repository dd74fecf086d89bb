from django.core.exceptions import PermissionDenied
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from deployability.careers import serializers as s
from deployability.careers import services
from deployability.careers.permissions import (
    applications_visible_to,
    appointments_visible_to,
    post_get_visible,
    posts_visible_to,
)
from deployability.careers.selectors import career_paths
from hrportal.models import Staff
from hrportal.roles import staff_of
from hrportal.scoping import staff_get_visible


class PostListApi(generics.ListAPIView):
    """Statutory promotion posts open today."""

    serializer_class = s.PostSerializer

    def get_queryset(self):
        today = timezone.localdate()
        return (
            posts_visible_to(self.request.user)
            .filter(opens_on__lte=today, closes_on__gte=today)
            .select_related("entity")
            .order_by("closes_on", "id")
        )


class PostApplyApi(APIView):
    """Apply to a post; a contractual not recruited through an objective recruitment gets 400 with the reason."""

    @extend_schema(request=s.PromotionApplyInputSerializer, responses={201: s.ApplicationSerializer})
    def post(self, request, pk):
        post = post_get_visible(user=request.user, post_id=pk)
        data = s.PromotionApplyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            application = services.post_apply(actor=request.user, post_id=post.pk, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


class ApplicationListApi(generics.ListAPIView):
    serializer_class = s.ApplicationSerializer

    def get_queryset(self):
        return applications_visible_to(self.request.user).order_by("-created_at", "-id")


class AppointmentListApi(generics.ListAPIView):
    """Project leader appointments in scope; POST appoints (line manager or HR of the entity)."""

    serializer_class = s.AppointmentSerializer

    def get_queryset(self):
        return appointments_visible_to(self.request.user).select_related("staff").order_by("-start", "-id")

    @extend_schema(request=s.AppointInputSerializer, responses={201: s.AppointmentSerializer})
    def post(self, request):
        data = s.AppointInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        staff = staff_get_visible(user=request.user, staff_id=values.pop("staff"))
        try:
            appointment = services.project_leader_appoint(actor=request.user, staff=staff, **values)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.AppointmentSerializer(appointment).data, status=status.HTTP_201_CREATED)


class CareerPathsApi(APIView):
    """The caller's career paths, or `?staff=<id>` for someone in their scope."""

    @extend_schema(
        responses=s.PathFunctionSerializer(many=True),
        parameters=[OpenApiParameter("staff", int, description="Staff id (default: yourself)")],
    )
    def get(self, request):
        staff_id = request.query_params.get("staff")
        if staff_id:
            staff = staff_get_visible(user=request.user, staff_id=staff_id)
        else:
            staff = staff_of(request.user)
            if staff is None:
                raise NotFound
        staff = Staff.objects.select_related("function__family").get(pk=staff.pk)
        entries = [e for group in career_paths(staff=staff).values() for e in group]
        return Response(s.PathFunctionSerializer(entries, many=True).data)
