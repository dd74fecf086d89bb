from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from deployability.reintegration import serializers as s
from deployability.reintegration import services
from deployability.reintegration.permissions import case_get_visible, cases_visible_to
from hrportal.scoping import staff_visible_to


def _detail(request, case_id, code=status.HTTP_200_OK) -> Response:
    case = case_get_visible(user=request.user, case_id=case_id)
    return Response(s.CaseSerializer(case, context={"request": request}).data, status=code)


class CaseListApi(generics.ListAPIView):
    """Re-integration cases the caller may see; POST opens one (HR of the person's entity)."""

    serializer_class = s.CaseSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return (
            cases_visible_to(self.request.user)
            .select_related("staff")
            .prefetch_related("steps", "team__staff")
            .order_by("-intake_on", "-id")
        )

    @extend_schema(request=s.CaseOpenSerializer, responses={201: s.CaseSerializer})
    def post(self, request):
        data = s.CaseOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        staff = staff_visible_to(request.user).filter(personnel_number=values.pop("personnel_number")).first()
        if staff is None:
            return Response({"personnel_number": ["No member of staff with this number."]}, status=400)
        try:
            case = services.case_open(actor=request.user, staff=staff, **values)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, case.pk, status.HTTP_201_CREATED)


class CaseDetailApi(APIView):
    @extend_schema(responses=s.CaseSerializer)
    def get(self, request, pk):
        return _detail(request, pk)


class CaseStepApi(APIView):
    @extend_schema(request=s.StepInputSerializer, responses={201: s.CaseSerializer})
    def post(self, request, pk):
        case = case_get_visible(user=request.user, case_id=pk)
        data = s.StepInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            values = dict(data.validated_data)
            services.step_add(actor=request.user, case_id=case.pk, kind=values.pop("step_kind"), **values)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, case.pk, status.HTTP_201_CREATED)


class CaseCloseApi(APIView):
    @extend_schema(request=s.CloseInputSerializer, responses=s.CaseSerializer)
    def post(self, request, pk):
        case = case_get_visible(user=request.user, case_id=pk)
        data = s.CloseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            values = dict(data.validated_data)
            services.case_close(actor=request.user, case_id=case.pk, outcome=values.pop("case_outcome"), **values)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, case.pk)
