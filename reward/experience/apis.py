from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from reward.experience import serializers as s
from reward.experience.permissions import request_get_visible, requests_visible_to, staff_get_for_experience
from reward.experience.selectors import experience_recognised, salary_seniority
from reward.experience.services import (
    experience_request_decide,
    experience_request_judge,
    experience_request_revise,
    experience_request_submit,
)


def _detail(request, pk, code=status.HTTP_200_OK) -> Response:
    found = request_get_visible(user=request.user, request_id=pk)
    return Response(s.ExperienceRequestSerializer(found).data, status=code)


class RequestListApi(generics.ListAPIView):
    """Requests the caller may see (own; team for managers; entities for HR). POST asks for oneself."""

    serializer_class = s.ExperienceRequestSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return requests_visible_to(self.request.user).select_related("staff").prefetch_related("periods")

    @extend_schema(request=s.ExperienceRequestInputSerializer, responses={201: s.ExperienceRequestSerializer})
    def post(self, request):
        data = s.ExperienceRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            created = experience_request_submit(actor=request.user, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, created.pk, status.HTTP_201_CREATED)


class RequestDetailApi(generics.RetrieveAPIView):
    serializer_class = s.ExperienceRequestSerializer

    def get_object(self):
        return request_get_visible(user=self.request.user, request_id=self.kwargs["pk"])


class RequestJudgeApi(APIView):
    @extend_schema(request=s.ExperienceJudgeInputSerializer, responses=s.ExperienceRequestSerializer)
    def post(self, request, pk):
        request_get_visible(user=request.user, request_id=pk)
        data = s.ExperienceJudgeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        judgements = {j["period"]: (j["relevant"], j["note"]) for j in data.validated_data["judgements"]}
        try:
            experience_request_judge(actor=request.user, request_id=pk, judgements=judgements)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, pk)


def _decision(request, pk: int, service):
    """Decide or revise (`service`): answers the request the decision was recorded on."""
    request_get_visible(user=request.user, request_id=pk)
    data = s.ExperienceDecideInputSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    values = dict(data.validated_data)
    recognised = {p["period"]: p["recognised"] for p in values.pop("periods")}
    try:
        decided = service(actor=request.user, request_id=pk, recognised=recognised, **values)
    except PermissionDenied:
        raise NotFound from None
    return _detail(request, decided.pk)


class RequestDecideApi(APIView):
    @extend_schema(request=s.ExperienceDecideInputSerializer, responses=s.ExperienceRequestSerializer)
    def post(self, request, pk):
        return _decision(request, pk, experience_request_decide)


class RequestReviseApi(APIView):
    """HR revises a decision in force: answers the new request that supersedes it (periods keyed by the old
    request's period ids; a note is required)."""

    @extend_schema(request=s.ExperienceDecideInputSerializer, responses=s.ExperienceRequestSerializer)
    def post(self, request, pk):
        return _decision(request, pk, experience_request_revise)


class StaffExperienceApi(APIView):
    """A person's recognised seniority, with how it was computed: the person and HR of their entity only."""

    @extend_schema(responses=s.StaffSenioritySerializer)
    def get(self, request, staff_id):
        staff = staff_get_for_experience(user=request.user, staff_id=staff_id)
        recognised = experience_recognised(staff=staff)
        recognised.salary_seniority = salary_seniority(staff=staff)
        return Response(s.StaffSenioritySerializer(recognised).data)
