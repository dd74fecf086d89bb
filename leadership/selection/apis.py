from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.models import Staff
from hrportal.scoping import can_work_hr_case
from leadership.selection import serializers as s
from leadership.selection.permissions import can_run_selections, probation_get_visible, selection_get_visible
from leadership.selection.selectors import Duration, probation_list, selection_list
from leadership.selection.services import candidate_add, candidate_appoint, probation_evaluate, selection_create


def _staff_in_hr_scope(user, number: str) -> Staff | None:
    staff = Staff.objects.filter(personnel_number=number.strip()).first() if number else None
    if staff is not None and not can_work_hr_case(user=user, staff=staff):
        return None
    return staff


class SelectionListApi(generics.ListAPIView):
    """Selections of the caller's entities (HR) or all (central HR); POST opens one."""

    serializer_class = s.LeadershipSelectionSerializer

    def get_queryset(self):
        if not can_run_selections(self.request.user):
            return selection_list(viewer=self.request.user).none()
        return selection_list(viewer=self.request.user).prefetch_related("candidates__staff")

    @extend_schema(request=s.LeadershipSelectionInputSerializer, responses={201: s.LeadershipSelectionSerializer})
    def post(self, request):
        if not can_run_selections(request.user):
            raise NotFound
        data = s.LeadershipSelectionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = selection_create(actor=request.user, **data.validated_data)
        return Response(s.LeadershipSelectionSerializer(created).data, status=status.HTTP_201_CREATED)


class SelectionDetailApi(generics.RetrieveAPIView):
    serializer_class = s.LeadershipSelectionSerializer

    def get_object(self):
        return selection_get_visible(user=self.request.user, selection_id=self.kwargs["pk"])


class CandidateAddApi(APIView):
    @extend_schema(request=s.LeadershipCandidateInputSerializer, responses={201: s.LeadershipCandidateSerializer})
    def post(self, request, pk):
        selection = selection_get_visible(user=request.user, selection_id=pk)
        data = s.LeadershipCandidateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        staff = None
        if v["personnel_number"]:
            staff = _staff_in_hr_scope(request.user, v["personnel_number"])
            if staff is None:
                return Response({"personnel_number": ["No member of staff with this number."]}, status=400)
        try:
            candidate = candidate_add(
                actor=request.user,
                selection_id=selection.pk,
                staff=staff,
                external_name=v["external_name"],
                external_email=v["external_email"],
                experience=None
                if v["experience_years"] is None
                else Duration(v["experience_years"], v["experience_months"], v["experience_days"]),
            )
        except PermissionDenied:
            raise NotFound from None
        return Response(s.LeadershipCandidateSerializer(candidate).data, status=status.HTTP_201_CREATED)


class AppointApi(APIView):
    @extend_schema(request=s.LeadershipAppointInputSerializer, responses={201: s.ProbationSerializer})
    def post(self, request, pk):
        selection = selection_get_visible(user=request.user, selection_id=pk)
        data = s.LeadershipAppointInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        if not selection.candidates.filter(pk=v["candidate"]).exists():
            return Response({"candidate": ["Choose a candidate of this selection."]}, status=400)
        staff = _staff_in_hr_scope(request.user, v["personnel_number"]) if v["personnel_number"] else None
        try:
            probation = candidate_appoint(
                actor=request.user,
                candidate_id=v["candidate"],
                starts_on=v["starts_on"],
                probation_months=v["probation_months"],
                staff=staff,
            )
        except PermissionDenied:
            raise NotFound from None
        return Response(s.ProbationSerializer(probation).data, status=status.HTTP_201_CREATED)


class ProbationListApi(generics.ListAPIView):
    serializer_class = s.ProbationSerializer
    filterset_fields = ["outcome"]

    def get_queryset(self):
        return probation_list(viewer=self.request.user)


class ProbationDetailApi(generics.RetrieveAPIView):
    serializer_class = s.ProbationSerializer

    def get_object(self):
        return probation_get_visible(user=self.request.user, probation_id=self.kwargs["pk"])


class ProbationEvaluateApi(APIView):
    @extend_schema(request=s.EvaluateInputSerializer, responses=s.ProbationSerializer)
    def post(self, request, pk):
        probation_get_visible(user=request.user, probation_id=pk)
        data = s.EvaluateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            done = probation_evaluate(actor=request.user, probation_id=pk, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.ProbationSerializer(done).data)
