from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.reports.exports import table_to_csv
from hrportal.roles import staff_of
from leadership.models import Mandate, Registration, TopCandidate, Vacancy
from leadership.topmanagement import serializers as s
from leadership.topmanagement.permissions import (
    annual_evaluations_visible_to,
    can_manage_top,
    mandate_get_visible,
    mandates_visible_to,
    session_get_visible,
    vacancy_get_managed,
)
from leadership.topmanagement.selectors import (
    mailing_list,
    mailing_unsubscribe_url,
    mandates_ending,
    registrations_of,
    session_list,
    vacancy_list,
)
from leadership.topmanagement.services import (
    annual_evaluation_record,
    candidate_save,
    mailing_unsubscribe,
    mandate_create,
    mandate_end,
    mandate_evaluate,
    mandate_renew,
    registration_cancel,
    registration_create,
    session_attendance_record,
    session_cancel,
    session_create,
    vacancy_create,
)


def _central(request) -> None:
    if not can_manage_top(request.user):
        raise NotFound


class MandateListApi(generics.ListAPIView):
    """Mandates the caller may see (central HR: all; a top official: their own); POST records one (central HR)."""

    serializer_class = s.TopMandateSerializer
    filterset_fields = ["status", "entity", "official"]

    def get_queryset(self):
        return (
            mandates_visible_to(self.request.user)
            .select_related("official", "entity", "end_evaluation")
            .order_by("end", "id")
        )

    @extend_schema(request=s.TopMandateInputSerializer, responses={201: s.TopMandateSerializer})
    def post(self, request):
        _central(request)
        data = s.TopMandateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mandate = mandate_create(actor=request.user, **data.validated_data)
        return Response(s.TopMandateSerializer(mandate).data, status=status.HTTP_201_CREATED)


class MandateEndingApi(generics.ListAPIView):
    """Running mandates ending within `leadership.top_mandate_ending_months` (central HR)."""

    serializer_class = s.TopMandateSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Mandate.objects.none()
        _central(self.request)
        return mandates_ending(today=timezone.localdate())[:500]


class MandateDetailApi(generics.RetrieveAPIView):
    serializer_class = s.TopMandateSerializer

    def get_object(self):
        return mandate_get_visible(user=self.request.user, mandate_id=self.kwargs["pk"])


class _MandateActionApi(APIView):
    def _check(self, request, pk):
        mandate_get_visible(user=request.user, mandate_id=pk)
        _central(request)


class MandateEvaluateApi(_MandateActionApi):
    @extend_schema(request=s.TopMandateEvaluationInputSerializer, responses=s.TopMandateSerializer)
    def post(self, request, pk):
        self._check(request, pk)
        data = s.TopMandateEvaluationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mandate_evaluate(actor=request.user, mandate_id=pk, **data.validated_data)
        return Response(s.TopMandateSerializer(mandate_get_visible(user=request.user, mandate_id=pk)).data)


class MandateRenewApi(_MandateActionApi):
    @extend_schema(request=None, responses={201: s.TopMandateSerializer})
    def post(self, request, pk):
        self._check(request, pk)
        renewal = mandate_renew(actor=request.user, mandate_id=pk)
        return Response(s.TopMandateSerializer(renewal).data, status=status.HTTP_201_CREATED)


class MandateEndApi(_MandateActionApi):
    @extend_schema(request=None, responses=s.TopMandateSerializer)
    def post(self, request, pk):
        self._check(request, pk)
        return Response(s.TopMandateSerializer(mandate_end(actor=request.user, mandate_id=pk)).data)


class AnnualEvaluationListApi(generics.ListAPIView):
    """Annual evaluations the caller may see (central HR: all; a top official: their own); POST records one."""

    serializer_class = s.TopAnnualEvaluationSerializer
    filterset_fields = ["year", "official"]

    def get_queryset(self):
        return annual_evaluations_visible_to(self.request.user).select_related("official").order_by("-year", "id")

    @extend_schema(request=s.TopAnnualEvaluationInputSerializer, responses={201: s.TopAnnualEvaluationSerializer})
    def post(self, request):
        _central(request)
        data = s.TopAnnualEvaluationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        evaluation = annual_evaluation_record(actor=request.user, **data.validated_data)
        return Response(s.TopAnnualEvaluationSerializer(evaluation).data, status=status.HTTP_201_CREATED)


class VacancyListApi(generics.ListAPIView):
    serializer_class = s.TopVacancySerializer
    filterset_fields = ["year", "kind", "status"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Vacancy.objects.none()
        _central(self.request)
        return vacancy_list().order_by("-year", "id")

    @extend_schema(request=s.TopVacancyInputSerializer, responses={201: s.TopVacancySerializer})
    def post(self, request):
        _central(request)
        data = s.TopVacancyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vacancy = vacancy_create(actor=request.user, **data.validated_data)
        return Response(s.TopVacancySerializer(vacancy).data, status=status.HTTP_201_CREATED)


class CandidateListApi(generics.ListAPIView):
    """A vacancy's candidates (central HR); POST adds one."""

    serializer_class = s.TopCandidateSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TopCandidate.objects.none()
        vacancy = vacancy_get_managed(user=self.request.user, vacancy_id=self.kwargs["pk"])
        return vacancy.candidates.order_by("name", "id")

    @extend_schema(request=s.TopCandidateInputSerializer, responses={201: s.TopCandidateSerializer})
    def post(self, request, pk):
        vacancy_get_managed(user=request.user, vacancy_id=pk)
        data = s.TopCandidateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = candidate_save(actor=request.user, vacancy_id=pk, **data.validated_data)
        return Response(s.TopCandidateSerializer(candidate).data, status=status.HTTP_201_CREATED)


class CandidateDetailApi(APIView):
    @extend_schema(responses=s.TopCandidateSerializer)
    def get(self, request, pk):
        _central(request)
        candidate = TopCandidate.objects.filter(pk=pk).first()
        if candidate is None:
            raise NotFound
        return Response(s.TopCandidateSerializer(candidate).data)

    @extend_schema(request=s.TopCandidateInputSerializer, responses=s.TopCandidateSerializer)
    def put(self, request, pk):
        _central(request)
        candidate = TopCandidate.objects.filter(pk=pk).first()
        if candidate is None:
            raise NotFound
        data = s.TopCandidateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        saved = candidate_save(
            actor=request.user, vacancy_id=candidate.vacancy_id, candidate_id=pk, **data.validated_data
        )
        return Response(s.TopCandidateSerializer(saved).data)


class SessionListApi(generics.ListAPIView):
    """Sessions the caller may see (panel events: everyone; intervision and network: top officials);
    POST plans one (central HR)."""

    serializer_class = s.TopSessionSerializer
    filterset_fields = ["kind"]

    def get_queryset(self):
        return session_list(viewer=self.request.user)

    @extend_schema(request=s.TopSessionInputSerializer, responses={201: s.TopSessionSerializer})
    def post(self, request):
        _central(request)
        data = s.TopSessionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = session_create(actor=request.user, **data.validated_data)
        session.registered = 0
        return Response(s.TopSessionSerializer(session).data, status=status.HTTP_201_CREATED)


class SessionRegisterApi(APIView):
    @extend_schema(request=s.TopRegistrationInputSerializer, responses={201: s.TopRegistrationSerializer})
    def post(self, request, pk):
        session_get_visible(user=request.user, session_id=pk)
        data = s.TopRegistrationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            registration = registration_create(actor=request.user, session_id=pk, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.TopRegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


class RegistrationListApi(generics.ListAPIView):
    """The caller's own registrations."""

    serializer_class = s.TopRegistrationSerializer

    def get_queryset(self):
        return registrations_of(viewer=self.request.user)


class RegistrationCancelApi(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request, pk):
        if not Registration.objects.filter(pk=pk).exists():
            raise NotFound
        try:
            registration_cancel(actor=request.user, registration_id=pk)
        except PermissionDenied:
            raise NotFound from None
        return Response(status=status.HTTP_204_NO_CONTENT)


class MailingListApi(APIView):
    """The mailing list (panel-event registrants who opted in) as CSV, formulas neutralised (central HR)."""

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.BINARY})
    def get(self, request):
        _central(request)
        columns = [
            ("first_name", "first_name"),
            ("last_name", "last_name"),
            ("email", "email"),
            ("entity", "entity"),
            ("unsubscribe_url", "unsubscribe_url"),
        ]
        rows = [
            {
                "first_name": r["staff__first_name"],
                "last_name": r["staff__last_name"],
                "email": r["staff__email"],
                "entity": r["staff__entity__name"],
                "unsubscribe_url": mailing_unsubscribe_url(staff_id=r["staff_id"]),
            }
            for r in mailing_list()
        ]
        response = HttpResponse(table_to_csv(columns, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mailing-list.csv"'
        return response


class SessionCancelApi(APIView):
    """Central HR cancels a session that has not taken place; the registrants are told by e-mail."""

    @extend_schema(request=s.TopSessionCancelInputSerializer, responses={200: s.TopSessionSerializer})
    def post(self, request, pk):
        _central(request)
        session_get_visible(user=request.user, session_id=pk)
        data = s.TopSessionCancelInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        session = session_cancel(actor=request.user, session_id=pk, **data.validated_data)
        session.registered = session.registrations.count()
        return Response(s.TopSessionSerializer(session).data)


class SessionAttendanceApi(APIView):
    """Central HR records who attended (registration ids); every other registration did not."""

    @extend_schema(request=s.TopSessionAttendanceInputSerializer, responses={200: s.TopSessionAttendanceSerializer})
    def post(self, request, pk):
        _central(request)
        session_get_visible(user=request.user, session_id=pk)
        data = s.TopSessionAttendanceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        count = session_attendance_record(actor=request.user, session_id=pk, **data.validated_data)
        return Response({"attended": count})


class MailingUnsubscribeApi(APIView):
    """The caller takes themselves off the mailing list."""

    @extend_schema(request=None, responses={200: s.TopMailingUnsubscribeSerializer})
    def post(self, request):
        me = staff_of(request.user)
        if me is None:
            raise NotFound
        return Response({"withdrawn": mailing_unsubscribe(staff_id=me.pk, actor=request.user)})
