from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.reports import serializers as s
from hrportal.reports.rendering import report_file
from hrportal.reports.selectors import report_run_get_visible, report_runs_visible_to
from hrportal.reports.services import report_run_request, report_run_rerun


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
        # An identical request already queued or running is answered with that run (same id).
        return Response(s.ReportRunSerializer(run).data, status=status.HTTP_201_CREATED)


class ReportRunDetailApi(generics.RetrieveAPIView):
    serializer_class = s.ReportRunDetailSerializer

    def get_object(self):
        return report_run_get_visible(user=self.request.user, run_id=self.kwargs["pk"])


class ReportRunDownloadApi(APIView):
    @extend_schema(responses={200: OpenApiResponse(description="The CSV or XLSX file")})
    def get(self, request, pk, fmt):
        run = report_run_get_visible(user=request.user, run_id=pk)
        content, content_type, filename = report_file(run, fmt)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ReportRunRerunApi(APIView):
    """Run a failed report again: answers the new run."""

    @extend_schema(request=None, responses={201: s.ReportRunSerializer})
    def post(self, request, pk):
        run = report_run_get_visible(user=request.user, run_id=pk)
        try:
            new_run = report_run_rerun(run_id=run.pk, requested_by=request.user)
        except PermissionDenied:
            raise NotFound from None
        new_run.refresh_from_db()
        return Response(s.ReportRunSerializer(new_run).data, status=status.HTTP_201_CREATED)
