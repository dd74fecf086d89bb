"""The evaluation-case API under /api/deployability/evaluations/: HR of the entity, central HR, the person."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from deployability.evaluations import serializers as s
from deployability.evaluations.permissions import case_get_visible, cases_visible_to
from deployability.evaluations.selectors import case_timeline
from deployability.evaluations.services import (
    case_close,
    case_decide_dismissal,
    case_dismiss_special,
    case_record_evaluation,
    case_start_guidance,
)


class CaseListApi(generics.ListAPIView):
    serializer_class = s.EvaluationCaseSerializer
    filterset_fields = ["status", "outcome"]

    def get_queryset(self):
        return cases_visible_to(self.request.user).select_related("staff", "evaluation").order_by("-opened_on", "-id")


def _detail(request, pk) -> Response:
    case = case_get_visible(user=request.user, case_id=pk)
    return Response(s.EvaluationCaseDetailSerializer(case, context={"timeline": case_timeline(case)}).data)


class CaseDetailApi(APIView):
    @extend_schema(responses=s.EvaluationCaseDetailSerializer)
    def get(self, request, pk):
        return _detail(request, pk)


class _CaseActionApi(APIView):
    input_serializer = None

    def act(self, request, pk, values):  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request, pk):
        case_get_visible(user=request.user, case_id=pk)
        data = self.input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            self.act(request, pk, data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, pk)


class CaseSpecialDismissalApi(_CaseActionApi):
    input_serializer = s.EvaluationCaseSpecialDismissalInputSerializer

    @extend_schema(request=s.EvaluationCaseSpecialDismissalInputSerializer, responses=s.EvaluationCaseDetailSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, request, pk, values):
        case_dismiss_special(
            actor=request.user, case_id=pk, finding=values["special_circumstances"], decided_on=values["decided_on"]
        )


class CaseGuidanceApi(_CaseActionApi):
    input_serializer = s.EvaluationCaseGuidanceInputSerializer

    @extend_schema(request=s.EvaluationCaseGuidanceInputSerializer, responses=s.EvaluationCaseDetailSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, request, pk, values):
        case_start_guidance(actor=request.user, case_id=pk, **values)


class CaseEvaluationApi(_CaseActionApi):
    input_serializer = s.EvaluationCaseEvaluationInputSerializer

    @extend_schema(request=s.EvaluationCaseEvaluationInputSerializer, responses=s.EvaluationCaseDetailSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, request, pk, values):
        case_record_evaluation(actor=request.user, case_id=pk, **values)


class CaseDismissalApi(_CaseActionApi):
    input_serializer = s.EvaluationCaseDismissalInputSerializer

    @extend_schema(request=s.EvaluationCaseDismissalInputSerializer, responses=s.EvaluationCaseDetailSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, request, pk, values):
        case_decide_dismissal(actor=request.user, case_id=pk, **values)


class CaseCloseApi(_CaseActionApi):
    input_serializer = s.EvaluationCaseCloseInputSerializer

    @extend_schema(request=s.EvaluationCaseCloseInputSerializer, responses=s.EvaluationCaseDetailSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, request, pk, values):
        case_close(actor=request.user, case_id=pk, **values)
