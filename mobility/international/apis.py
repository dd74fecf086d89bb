from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.models import Staff
from mobility.international import permissions as perms
from mobility.international import selectors as sel
from mobility.international import serializers as s
from mobility.international import services as svc
from mobility.models import Detachment, ExternalApplicant, ExternalVacancy, MobilityApplication


def _run(call):
    """Services raise PermissionDenied for a visible record the caller may not act on: answer 404 like pages."""
    try:
        return call()
    except PermissionDenied:
        raise NotFound from None


class CallListApi(generics.ListAPIView):
    """International mobility calls (all signed-in users); POST opens a call (central HR)."""

    serializer_class = s.CallSerializer
    filterset_fields = ["kind"]

    def get_queryset(self):
        return perms.calls_visible_to(self.request.user).prefetch_related("hosts").order_by("-opens_on", "id")

    @extend_schema(request=s.CallInputSerializer, responses={201: s.CallSerializer})
    def post(self, request):
        if not perms.can_manage_calls(request.user):
            raise NotFound
        data = s.CallInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["kind"] = values.pop("call_kind")
        call = _run(lambda: svc.call_create(actor=request.user, **values))
        return Response(s.CallSerializer(call).data, status=status.HTTP_201_CREATED)


class CallDetailApi(generics.RetrieveAPIView):
    """One call; PUT changes it (central HR; levels and stay limits are fixed once people have applied)."""

    serializer_class = s.CallSerializer

    def get_object(self):
        return perms.call_get_visible(user=self.request.user, call_id=self.kwargs["pk"])

    @extend_schema(request=s.CallUpdateSerializer, responses={200: s.CallSerializer})
    def put(self, request, pk):
        call = self.get_object()
        if not perms.can_manage_calls(request.user):
            raise NotFound
        data = s.CallUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        call = _run(lambda: svc.call_update(actor=request.user, call_id=call.pk, **data.validated_data))
        return Response(s.CallSerializer(call).data)


class CallTotalsApi(APIView):
    """Claimed and centrally reimbursed amounts per call, over the claims the caller may see."""

    @extend_schema(responses=s.CallTotalsSerializer(many=True))
    def get(self, request):
        return Response(s.CallTotalsSerializer(sel.claim_totals_per_call(viewer=request.user), many=True).data)


class ApplicationListApi(generics.ListAPIView):
    """Applications the caller may see (own, team, HR entities); POST applies for oneself."""

    serializer_class = s.MobilityApplicationSerializer
    filterset_fields = ["status", "call"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MobilityApplication.objects.none()
        return sel.application_list(viewer=self.request.user)

    @extend_schema(request=s.ApplicationInputSerializer, responses={201: s.MobilityApplicationSerializer})
    def post(self, request):
        data = s.ApplicationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        call = perms.call_get_visible(user=request.user, call_id=values.pop("call"))
        if not perms.can_apply(request.user):
            raise NotFound
        host_id = values.pop("host")
        application = _run(
            lambda: svc.application_submit(actor=request.user, call_id=call.pk, host_id=host_id, **values)
        )
        return Response(s.MobilityApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


class ApplicationDetailApi(generics.RetrieveAPIView):
    serializer_class = s.MobilityApplicationSerializer

    def get_object(self):
        return perms.application_get_visible(user=self.request.user, application_id=self.kwargs["pk"])


class _ApplicationTransitionApi(APIView):
    input_serializer = None

    def application(self, request, pk) -> MobilityApplication:
        return perms.application_get_visible(user=request.user, application_id=pk)

    def respond(self, request, pk):
        application = perms.application_get_visible(user=request.user, application_id=pk)
        return Response(s.MobilityApplicationSerializer(application).data)


class ApplicationManagerDecisionApi(_ApplicationTransitionApi):
    """The line manager agrees, or refuses with a reason."""

    @extend_schema(request=s.ManagerDecisionInputSerializer, responses=s.MobilityApplicationSerializer)
    def post(self, request, pk):
        application = self.application(request, pk)
        data = s.ManagerDecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _run(
            lambda: svc.application_manager_decide(
                actor=request.user, application_id=application.pk, **data.validated_data
            )
        )
        return self.respond(request, pk)


class ApplicationHostDecisionApi(_ApplicationTransitionApi):
    """HR records the host's answer: green_light, counterpart_sought or refused (with a note)."""

    @extend_schema(request=s.HostDecisionInputSerializer, responses=s.MobilityApplicationSerializer)
    def post(self, request, pk):
        application = self.application(request, pk)
        data = s.HostDecisionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _run(
            lambda: svc.application_host_decide(
                actor=request.user, application_id=application.pk, **data.validated_data
            )
        )
        return self.respond(request, pk)


class ApplicationWithdrawApi(_ApplicationTransitionApi):
    @extend_schema(request=None, responses=s.MobilityApplicationSerializer)
    def post(self, request, pk):
        application = self.application(request, pk)
        _run(lambda: svc.application_withdraw(actor=request.user, application_id=application.pk))
        return self.respond(request, pk)


class ApplicationClaimListApi(generics.ListAPIView):
    """The expense claims of a visible application; POST files one (the applicant or HR)."""

    serializer_class = s.ClaimSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return MobilityApplication.objects.none()
        application = perms.application_get_visible(user=self.request.user, application_id=self.kwargs["pk"])
        return application.claims.order_by("claim_date", "id")

    @extend_schema(request=s.ClaimInputSerializer, responses={201: s.ClaimSerializer})
    def post(self, request, pk):
        application = perms.application_get_visible(user=request.user, application_id=pk)
        data = s.ClaimInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["kind"] = values.pop("cost_kind")
        claim = _run(lambda: svc.expense_claim_file(actor=request.user, application_id=application.pk, **values))
        return Response(s.ClaimSerializer(claim).data, status=status.HTTP_201_CREATED)


# --- external mobility ------------------------------------------------------------------------------
def _require_hr(user):
    if not perms.is_hr(user):
        raise NotFound


class VacancyListApi(generics.ListAPIView):
    """Vacancies open to external mobility (HR of the entity, central HR); POST opens one (central HR)."""

    serializer_class = s.VacancySerializer
    filterset_fields = ["status", "level", "entity"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ExternalVacancy.objects.none()
        _require_hr(self.request.user)
        return perms.vacancies_visible_to(self.request.user).select_related("entity").order_by("-closes_on", "id")

    @extend_schema(request=s.VacancyInputSerializer, responses={201: s.VacancySerializer})
    def post(self, request):
        if not perms.can_manage_external(request.user):
            raise NotFound
        data = s.VacancyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vacancy = _run(lambda: svc.vacancy_create(actor=request.user, **data.validated_data))
        return Response(s.VacancySerializer(vacancy).data, status=status.HTTP_201_CREATED)


class VacancyDetailApi(generics.RetrieveAPIView):
    serializer_class = s.VacancySerializer

    def get_object(self):
        return perms.vacancy_get_visible(user=self.request.user, vacancy_id=self.kwargs["pk"])


class VacancyCloseApi(APIView):
    @extend_schema(request=None, responses=s.VacancySerializer)
    def post(self, request, pk):
        vacancy = perms.vacancy_get_visible(user=request.user, vacancy_id=pk)
        vacancy = _run(lambda: svc.vacancy_close(actor=request.user, vacancy_id=vacancy.pk))
        return Response(s.VacancySerializer(vacancy).data)


class VacancyApplicantListApi(generics.ListAPIView):
    """External applicants of a vacancy; POST records one (central HR). Not permanently appointed: 400."""

    serializer_class = s.ExternalApplicantSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ExternalApplicant.objects.none()
        vacancy = perms.vacancy_get_visible(user=self.request.user, vacancy_id=self.kwargs["pk"])
        return vacancy.applicants.order_by("last_name", "first_name", "id")

    @extend_schema(request=s.ExternalApplicantInputSerializer, responses={201: s.ExternalApplicantSerializer})
    def post(self, request, pk):
        vacancy = perms.vacancy_get_visible(user=request.user, vacancy_id=pk)
        if not perms.can_manage_external(request.user):
            raise NotFound
        data = s.ExternalApplicantInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        applicant = _run(
            lambda: svc.external_applicant_record(actor=request.user, vacancy_id=vacancy.pk, **data.validated_data)
        )
        return Response(s.ExternalApplicantSerializer(applicant).data, status=status.HTTP_201_CREATED)


class ApplicantSelectionApi(APIView):
    """Records the outcome of the shortened selection (central HR), once."""

    @extend_schema(request=s.SelectionInputSerializer, responses=s.ExternalApplicantSerializer)
    def post(self, request, pk):
        applicant = perms.applicant_get_visible(user=request.user, applicant_id=pk)
        data = s.SelectionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        applicant = _run(
            lambda: svc.external_selection_record(actor=request.user, applicant_id=applicant.pk, **data.validated_data)
        )
        return Response(s.ExternalApplicantSerializer(applicant).data)


# --- detachments ------------------------------------------------------------------------------------
class DetachmentListApi(generics.ListAPIView):
    """The detachment register the caller may see; POST adds a detachment (central HR)."""

    serializer_class = s.DetachmentSerializer
    filterset_fields = ["institution_pays_salary"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Detachment.objects.none()
        return sel.detachment_list(viewer=self.request.user)

    @extend_schema(request=s.DetachmentInputSerializer, responses={201: s.DetachmentSerializer})
    def post(self, request):
        if not perms.can_manage_detachments(request.user):
            raise NotFound
        data = s.DetachmentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        staff_id = values.pop("staff")
        if not Staff.objects.filter(pk=staff_id).exists():
            return Response({"staff": ["No such staff member."]}, status=status.HTTP_400_BAD_REQUEST)
        detachment = _run(lambda: svc.detachment_register(actor=request.user, staff_id=staff_id, **values))
        return Response(s.DetachmentSerializer(detachment).data, status=status.HTTP_201_CREATED)


class DetachmentDetailApi(generics.RetrieveAPIView):
    serializer_class = s.DetachmentSerializer

    def get_object(self):
        return perms.detachment_get_visible(user=self.request.user, detachment_id=self.kwargs["pk"])
