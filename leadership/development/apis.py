from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.roles import staff_of
from leadership.development import serializers as s
from leadership.development.models import Session, Trajectory
from leadership.development.permissions import (
    can_decide_enrolment,
    enrolment_get_visible,
    enrolments_visible_to,
    onboarding_get_visible,
    session_get,
)
from leadership.development.selectors import onboarding_list, sessions_of, trajectory_list
from leadership.development.services import attendance_record, enrolment_decide, enrolment_request


class TrajectoryListApi(generics.ListAPIView):
    serializer_class = s.TrajectorySerializer
    pagination_class = None

    def get_queryset(self):
        return trajectory_list()


class TrajectorySessionsApi(generics.ListAPIView):
    serializer_class = s.LeadershipSessionSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Session.objects.none()
        trajectory = get_object_or_404(Trajectory, pk=self.kwargs["pk"])
        return sessions_of(trajectory=trajectory)


class EnrolApi(APIView):
    """The caller enrols themselves in a session (a seat is held until the line manager decides)."""

    @extend_schema(request=None, responses={201: s.EnrolmentSerializer})
    def post(self, request, pk):
        session = session_get(session_id=pk)
        me = staff_of(request.user)
        if me is None:
            raise NotFound
        try:
            enrolment = enrolment_request(actor=request.user, session_id=session.pk, staff=me)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.EnrolmentSerializer(enrolment).data, status=status.HTTP_201_CREATED)


class EnrolmentListApi(generics.ListAPIView):
    serializer_class = s.EnrolmentSerializer
    filterset_fields = ["status", "session"]

    def get_queryset(self):
        return enrolments_visible_to(self.request.user).select_related("staff").order_by("-id")


class EnrolmentDetailApi(generics.RetrieveAPIView):
    serializer_class = s.EnrolmentSerializer

    def get_object(self):
        return enrolment_get_visible(user=self.request.user, enrolment_id=self.kwargs["pk"])


class EnrolmentDecideApi(APIView):
    @extend_schema(request=s.DecideInputSerializer, responses=s.EnrolmentSerializer)
    def post(self, request, pk):
        enrolment = enrolment_get_visible(user=request.user, enrolment_id=pk)
        if not can_decide_enrolment(user=request.user, enrolment=enrolment):
            raise NotFound
        data = s.DecideInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            done = enrolment_decide(actor=request.user, enrolment_id=pk, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.EnrolmentSerializer(done).data)


class EnrolmentAttendanceApi(APIView):
    @extend_schema(request=s.AttendanceInputSerializer, responses=s.EnrolmentSerializer)
    def post(self, request, pk):
        enrolment_get_visible(user=request.user, enrolment_id=pk)
        data = s.AttendanceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            done = attendance_record(actor=request.user, enrolment_id=pk, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.EnrolmentSerializer(done).data)


class OnboardingListApi(generics.ListAPIView):
    serializer_class = s.OnboardingSerializer

    def get_queryset(self):
        return onboarding_list(viewer=self.request.user).prefetch_related("items")


class OnboardingDetailApi(generics.RetrieveAPIView):
    serializer_class = s.OnboardingSerializer

    def get_object(self):
        return onboarding_get_visible(user=self.request.user, checklist_id=self.kwargs["pk"])
