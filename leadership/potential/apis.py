from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from hrportal.models import Competency, Staff
from hrportal.scoping import can_work_hr_case
from leadership.potential import serializers as s
from leadership.potential.permissions import assessment_get_visible, can_see_talent_pool
from leadership.potential.selectors import assessment_list, talent_pool
from leadership.potential.services import assessment_record


class AssessmentListApi(generics.ListAPIView):
    """Assessments the caller may read (their own; HR their entities'); POST records one (HR)."""

    serializer_class = s.AssessmentSerializer
    filterset_fields = ["role", "result"]

    def get_queryset(self):
        return assessment_list(viewer=self.request.user).prefetch_related("scores__competency", "assessors")

    @extend_schema(request=s.AssessmentInputSerializer, responses={201: s.AssessmentSerializer})
    def post(self, request):
        data = s.AssessmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        staff = Staff.objects.filter(personnel_number=v["personnel_number"]).first()
        if staff is None or not can_work_hr_case(user=request.user, staff=staff):
            raise NotFound
        assessors = list(Staff.objects.filter(personnel_number__in=v["assessors"]))
        if len(assessors) != len(set(v["assessors"])):
            return Response({"assessors": ["Give the personnel numbers of existing members of staff."]}, status=400)
        competencies = {c.code: c for c in Competency.objects.filter(code__in=v["scores"].keys())}
        unknown = sorted(set(v["scores"]) - set(competencies))
        if unknown:
            return Response({"scores": [f"Unknown competency: {', '.join(unknown)}"]}, status=400)
        try:
            created = assessment_record(
                actor=request.user,
                staff=staff,
                role=v["role"],
                tier=v["tier"],
                assessed_on=v["assessed_on"],
                assessors=assessors,
                scores={competencies[code]: score for code, score in v["scores"].items()},
                result=v["result"],
                advice=v["advice"],
            )
        except PermissionDenied:
            raise NotFound from None
        return Response(s.AssessmentSerializer(created).data, status=status.HTTP_201_CREATED)


class AssessmentDetailApi(generics.RetrieveAPIView):
    serializer_class = s.AssessmentSerializer

    def get_object(self):
        return assessment_get_visible(user=self.request.user, assessment_id=self.kwargs["pk"])


class TalentPoolApi(generics.ListAPIView):
    serializer_class = s.TalentSerializer
    queryset = Staff.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Staff.objects.none()
        if not can_see_talent_pool(self.request.user):
            raise NotFound
        return talent_pool(viewer=self.request.user)
