from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from ..filters import StaffFilter
from ..models import AuditEvent, Competency, Entity, Function
from ..parameters import CATALOGUE, parameter, parameter_set
from ..roles import sees_everything, staff_of
from ..selectors.audit import audit_events_visible_to, can_read_audit
from ..selectors.portfolio import portfolio_action_list
from ..selectors.reports import report_run_file, report_run_get_visible, report_runs_visible_to
from ..selectors.staff import staff_directory, staff_profile_get
from ..services.reports import report_run_request
from ..services.staff import staff_profile_update
from . import serializers as s


class StaffListApi(generics.ListAPIView):
    """Staff the caller may see (own record, team, HR entities), with search and filters."""

    serializer_class = s.StaffListSerializer
    filterset_class = StaffFilter
    ordering_fields = ["last_name", "first_name", "personnel_number"]

    def get_queryset(self):
        return staff_directory(viewer=self.request.user)


class StaffDetailApi(generics.RetrieveAPIView):
    serializer_class = s.StaffDetailSerializer

    def get_object(self):
        return staff_profile_get(staff_id=self.kwargs["pk"], viewer=self.request.user)


class StaffMeApi(generics.RetrieveAPIView):
    serializer_class = s.StaffDetailSerializer

    def get_object(self):
        me = staff_of(self.request.user)
        if me is None:
            raise NotFound
        return staff_profile_get(staff_id=me.pk, viewer=self.request.user)


class StaffProfileUpdateApi(APIView):
    """Replace the languages and competencies of a profile: the member's own, or as HR of their entity."""

    @extend_schema(request=s.StaffProfileInputSerializer, responses=s.StaffDetailSerializer)
    def put(self, request, pk):
        member = staff_profile_get(staff_id=pk, viewer=request.user)
        data = s.StaffProfileInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            staff_profile_update(
                staff_id=member.pk,
                actor=request.user,
                languages=[(x["language"], x["proficiency"]) for x in data.validated_data["languages"]],
                competencies=[(x["competency"].pk, x["level"]) for x in data.validated_data["competencies"]],
            )
        except PermissionDenied:
            raise Http404 from None
        return Response(s.StaffDetailSerializer(staff_profile_get(staff_id=pk, viewer=request.user)).data)


class EntityListApi(generics.ListAPIView):
    serializer_class = s.EntitySerializer
    queryset = Entity.objects.order_by("name")
    filterset_fields = ["kind", "parent"]


class EntityDetailApi(generics.RetrieveAPIView):
    serializer_class = s.EntitySerializer
    queryset = Entity.objects.all()


class CompetencyListApi(generics.ListAPIView):
    serializer_class = s.CompetencySerializer
    queryset = Competency.objects.select_related("cluster")
    filterset_fields = ["cluster__code"]
    pagination_class = None


class FunctionListApi(generics.ListAPIView):
    serializer_class = s.FunctionSerializer
    queryset = Function.objects.select_related("family")
    filterset_fields = ["family__code", "function_class", "teleworkable"]


class PortfolioListApi(generics.ListAPIView):
    serializer_class = s.PortfolioActionSerializer
    queryset = portfolio_action_list()
    filterset_fields = ["objective", "status", "term", "continues"]
    pagination_class = None


class ReportRunListApi(generics.ListCreateAPIView):
    """Report runs the caller may see; POST {"kind": ...} queues a new run."""

    serializer_class = s.ReportRunSerializer
    filterset_fields = ["kind", "status"]

    def get_queryset(self):
        return report_runs_visible_to(self.request.user)

    @extend_schema(request=s.ReportRunRequestSerializer, responses={201: s.ReportRunSerializer})
    def post(self, request):
        data = s.ReportRunRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            run = report_run_request(kind=data.validated_data["kind"], requested_by=request.user)
        except PermissionDenied:
            raise NotFound from None
        run.refresh_from_db()
        return Response(s.ReportRunSerializer(run).data, status=status.HTTP_201_CREATED)


class ReportRunDetailApi(generics.RetrieveAPIView):
    serializer_class = s.ReportRunDetailSerializer

    def get_object(self):
        return report_run_get_visible(user=self.request.user, run_id=self.kwargs["pk"])


class ReportRunDownloadApi(APIView):
    @extend_schema(responses={200: OpenApiResponse(description="The CSV or XLSX file")})
    def get(self, request, pk, fmt):
        content, content_type, filename = report_run_file(user=request.user, run_id=pk, fmt=fmt)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class AuditEventListApi(generics.ListAPIView):
    serializer_class = s.AuditEventSerializer
    filterset_fields = ["action", "staff", "entity"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return AuditEvent.objects.none()
        if not can_read_audit(self.request.user):
            raise NotFound
        return audit_events_visible_to(self.request.user)


class ParameterListApi(APIView):
    """Every policy parameter with its default and the value in force today (or on ?on=YYYY-MM-DD)."""

    @extend_schema(responses=s.ParameterSerializer(many=True))
    def get(self, request):
        on = date.today()
        if "on" in request.query_params:
            field = s.ParameterSetSerializer().fields["valid_from"]
            on = field.run_validation(request.query_params["on"])
        rows = [
            {
                "key": key,
                "label": str(spec.label),
                "unit": str(spec.unit),
                "default": spec.default,
                "current": parameter(key, on=on),
            }
            for key, spec in CATALOGUE.items()
        ]
        return Response(s.ParameterSerializer(rows, many=True).data)

    @extend_schema(request=s.ParameterSetSerializer, responses={201: s.ParameterSetSerializer})
    def post(self, request):
        if not sees_everything(request.user):
            raise NotFound
        data = s.ParameterSetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data["key"] not in CATALOGUE:
            return Response({"key": ["Unknown parameter."]}, status=status.HTTP_400_BAD_REQUEST)
        parameter_set(actor=request.user, **data.validated_data)
        return Response(data.data, status=status.HTTP_201_CREATED)
