"""The redeployment API under /api/deployability/redeployment/: the same services and scoping as the pages."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from deployability.redeployment import serializers as s
from deployability.redeployment.permissions import (
    candidate_get_visible,
    candidates_visible_to,
    is_hr,
    offer_get_visible,
    offers_visible_to,
    trajectories_visible_to,
    trajectory_get_visible,
    vacancies_visible_to,
    vacancy_get_visible,
)
from deployability.redeployment.selectors import refusal_limit, vacancy_candidates_ranked
from deployability.redeployment.services import (
    candidate_admissibility,
    candidate_register,
    internal_trajectory_close,
    offer_accept,
    offer_make,
    offer_refuse,
    team_meeting_add,
    team_member_add,
    trajectory_complete,
    trajectory_open,
    trajectory_step_add,
    vacancy_fill_other,
    vacancy_publish,
    vacancy_withdraw,
)
from hrportal.models import Competency, Entity, Function, Staff


def _no_permission(call):
    try:
        return call()
    except PermissionDenied:
        raise NotFound from None


class TrajectoryListApi(generics.ListAPIView):
    """Guidance trajectories the caller may see (own, team, entities); POST opens one (line manager, HR)."""

    serializer_class = s.RedeploymentTrajectorySerializer
    filterset_fields = ["status", "kind", "reason"]

    def get_queryset(self):
        return trajectories_visible_to(self.request.user).select_related("staff").prefetch_related("steps")

    @extend_schema(request=s.RedeploymentTrajectoryInputSerializer, responses={201: s.RedeploymentTrajectorySerializer})
    def post(self, request):
        data = s.RedeploymentTrajectoryInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        staff = Staff.objects.filter(personnel_number=values["personnel_number"].strip()).first()
        if staff is None:
            return Response({"personnel_number": ["No member of staff with this number."]}, status=400)
        trajectory = _no_permission(
            lambda: trajectory_open(
                actor=request.user,
                staff=staff,
                kind=values["kind"],
                goal=values["goal"],
                started_on=values["started_on"],
                steps=[(step["title"], step["planned_on"]) for step in values["steps"]],
            )
        )
        return Response(s.RedeploymentTrajectorySerializer(trajectory).data, status=status.HTTP_201_CREATED)


class TrajectoryDetailApi(generics.RetrieveAPIView):
    serializer_class = s.RedeploymentTrajectorySerializer

    def get_object(self):
        return trajectory_get_visible(user=self.request.user, trajectory_id=self.kwargs["pk"])


class TrajectoryCompleteApi(APIView):
    @extend_schema(request=s.RedeploymentCompleteInputSerializer, responses=s.RedeploymentTrajectorySerializer)
    def post(self, request, pk):
        trajectory_get_visible(user=request.user, trajectory_id=pk)
        data = s.RedeploymentCompleteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        trajectory = _no_permission(
            lambda: trajectory_complete(actor=request.user, trajectory_id=pk, **data.validated_data)
        )
        return Response(s.RedeploymentTrajectorySerializer(trajectory).data)


class TrajectoryRegisterApi(APIView):
    """Register the trajectory's staff member for redeployment (refused while no trajectory is completed)."""

    @extend_schema(request=s.RedeploymentRegisterInputSerializer, responses={201: s.RedeploymentCandidateSerializer})
    def post(self, request, pk):
        trajectory = trajectory_get_visible(user=request.user, trajectory_id=pk)
        data = s.RedeploymentRegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = _no_permission(
            lambda: candidate_register(actor=request.user, staff=trajectory.staff, **data.validated_data)
        )
        return Response(
            s.RedeploymentCandidateSerializer(
                candidate, context={"refusal_limit": refusal_limit(on=timezone.localdate())}
            ).data,
            status=status.HTTP_201_CREATED,
        )


class CandidateListApi(generics.ListAPIView):
    serializer_class = s.RedeploymentCandidateSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return candidates_visible_to(self.request.user).select_related("staff").order_by("-registered_on", "-id")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "refusal_limit": refusal_limit(on=timezone.localdate())}


class CandidateDetailApi(generics.RetrieveAPIView):
    serializer_class = s.RedeploymentCandidateSerializer

    def get_object(self):
        return candidate_get_visible(user=self.request.user, candidate_id=self.kwargs["pk"])

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "refusal_limit": refusal_limit(on=timezone.localdate())}


class CandidateAdmissibilityApi(APIView):
    @extend_schema(request=s.RedeploymentAdmissibilityInputSerializer, responses=s.RedeploymentCandidateSerializer)
    def post(self, request, pk):
        candidate_get_visible(user=request.user, candidate_id=pk)
        data = s.RedeploymentAdmissibilityInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = _no_permission(
            lambda: candidate_admissibility(actor=request.user, candidate_id=pk, **data.validated_data)
        )
        return Response(
            s.RedeploymentCandidateSerializer(
                candidate, context={"refusal_limit": refusal_limit(on=timezone.localdate())}
            ).data
        )


class CandidateOfferApi(APIView):
    """Offer a vacancy to the candidate; after the refusal limit the offer places them ex officio."""

    @extend_schema(request=s.RedeploymentOfferInputSerializer, responses={201: s.RedeploymentOfferSerializer})
    def post(self, request, pk):
        candidate_get_visible(user=request.user, candidate_id=pk)
        data = s.RedeploymentOfferInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if not vacancies_visible_to(request.user).filter(pk=values["vacancy"]).exists():
            return Response({"vacancy": ["No such vacancy."]}, status=400)
        offer = _no_permission(
            lambda: offer_make(
                actor=request.user, candidate_id=pk, vacancy_id=values["vacancy"], offered_on=values.get("offered_on")
            )
        )
        return Response(s.RedeploymentOfferSerializer(offer).data, status=status.HTTP_201_CREATED)


class VacancyListApi(generics.ListAPIView):
    """Vacancies of the redeployment office (HR officers and central HR); POST publishes one."""

    serializer_class = s.RedeploymentVacancySerializer
    filterset_fields = ["status", "entity", "grade"]

    def get_queryset(self):
        return vacancies_visible_to(self.request.user).order_by("-published_on", "-id")

    @extend_schema(request=s.RedeploymentVacancyInputSerializer, responses={201: s.RedeploymentVacancySerializer})
    def post(self, request):
        if not is_hr(request.user):
            raise NotFound
        data = s.RedeploymentVacancyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        errors = {}
        function = Function.objects.filter(pk=values["function"]).first()
        entity = Entity.objects.filter(pk=values["entity"]).first()
        if function is None:
            errors["function"] = ["No such function."]
        if entity is None:
            errors["entity"] = ["No such entity."]
        wanted = {row["competency"]: row["level"] for row in values["competencies"]}
        competencies = {c.pk: c for c in Competency.objects.filter(pk__in=wanted)}
        if len(competencies) != len(wanted) or len(wanted) != len(values["competencies"]):
            errors["competencies"] = ["Unknown or repeated competency."]
        if errors:
            return Response(errors, status=400)
        vacancy = vacancy_publish(
            actor=request.user,
            title=values["title"],
            function=function,
            grade=values["grade"],
            entity=entity,
            place=values["place"],
            published_on=values["published_on"],
            competencies=[(competencies[pk], level) for pk, level in wanted.items()],
        )
        return Response(s.RedeploymentVacancySerializer(vacancy).data, status=status.HTTP_201_CREATED)


class VacancyDetailApi(generics.RetrieveAPIView):
    serializer_class = s.RedeploymentVacancySerializer

    def get_object(self):
        return vacancy_get_visible(user=self.request.user, vacancy_id=self.kwargs["pk"])


class VacancyCandidatesApi(APIView):
    """The vacancy's redeployable candidates (those the caller may see), ranked by fit, with why."""

    @extend_schema(responses=s.RedeploymentRankedCandidateSerializer(many=True))
    def get(self, request, pk):
        vacancy = vacancy_get_visible(user=request.user, vacancy_id=pk)
        return Response(
            s.RedeploymentRankedCandidateSerializer(
                vacancy_candidates_ranked(vacancy=vacancy, viewer=request.user), many=True
            ).data
        )


class OfferListApi(generics.ListAPIView):
    serializer_class = s.RedeploymentOfferSerializer
    filterset_fields = ["status", "vacancy", "candidate"]

    def get_queryset(self):
        return offers_visible_to(self.request.user).select_related("candidate__staff").order_by("-offered_on", "-id")


class OfferDetailApi(generics.RetrieveAPIView):
    serializer_class = s.RedeploymentOfferSerializer

    def get_object(self):
        return offer_get_visible(user=self.request.user, offer_id=self.kwargs["pk"])


class OfferAcceptApi(APIView):
    @extend_schema(request=s.RedeploymentAnswerInputSerializer, responses=s.RedeploymentOfferSerializer)
    def post(self, request, pk):
        offer_get_visible(user=request.user, offer_id=pk)
        data = s.RedeploymentAnswerInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offer = _no_permission(lambda: offer_accept(actor=request.user, offer_id=pk, **data.validated_data))
        return Response(s.RedeploymentOfferSerializer(offer).data)


class OfferRefuseApi(APIView):
    @extend_schema(request=s.RedeploymentRefuseInputSerializer, responses=s.RedeploymentOfferSerializer)
    def post(self, request, pk):
        offer_get_visible(user=request.user, offer_id=pk)
        data = s.RedeploymentRefuseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        offer = _no_permission(lambda: offer_refuse(actor=request.user, offer_id=pk, **data.validated_data))
        return Response(s.RedeploymentOfferSerializer(offer).data)


class TrajectoryStepApi(APIView):
    @extend_schema(request=s.RedeploymentStepInputSerializer, responses={201: s.RedeploymentTrajectorySerializer})
    def post(self, request, pk):
        trajectory_get_visible(user=request.user, trajectory_id=pk)
        data = s.RedeploymentStepInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _no_permission(lambda: trajectory_step_add(actor=request.user, trajectory_id=pk, **data.validated_data))
        trajectory = trajectory_get_visible(user=request.user, trajectory_id=pk)
        return Response(s.RedeploymentTrajectorySerializer(trajectory).data, status=status.HTTP_201_CREATED)


class CandidateTeamMemberApi(APIView):
    """A member of the multidisciplinary team of a candidate found not redeployable."""

    @extend_schema(request=s.RedeploymentTeamMemberInputSerializer, responses={201: s.RedeploymentCandidateSerializer})
    def post(self, request, pk):
        candidate_get_visible(user=request.user, candidate_id=pk)
        data = s.RedeploymentTeamMemberInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _no_permission(lambda: team_member_add(actor=request.user, candidate_id=pk, **data.validated_data))
        return _candidate(request, pk, status.HTTP_201_CREATED)


class CandidateTeamMeetingApi(APIView):
    @extend_schema(request=s.RedeploymentTeamMeetingInputSerializer, responses={201: s.RedeploymentCandidateSerializer})
    def post(self, request, pk):
        candidate_get_visible(user=request.user, candidate_id=pk)
        data = s.RedeploymentTeamMeetingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _no_permission(lambda: team_meeting_add(actor=request.user, candidate_id=pk, **data.validated_data))
        return _candidate(request, pk, status.HTTP_201_CREATED)


def _candidate(request, pk, code=200) -> Response:
    candidate = candidate_get_visible(user=request.user, candidate_id=pk)
    context = {"refusal_limit": refusal_limit(on=timezone.localdate())}
    return Response(s.RedeploymentCandidateSerializer(candidate, context=context).data, status=code)


class VacancyFillApi(APIView):
    """Record the vacancy filled outside redeployment: refused during the priority period while suitable
    redeployment candidates exist."""

    @extend_schema(request=s.RedeploymentFillInputSerializer, responses=s.RedeploymentVacancySerializer)
    def post(self, request, pk):
        vacancy_get_visible(user=request.user, vacancy_id=pk)
        data = s.RedeploymentFillInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        vacancy = _no_permission(lambda: vacancy_fill_other(actor=request.user, vacancy_id=pk, **data.validated_data))
        return Response(s.RedeploymentVacancySerializer(vacancy).data)


class CandidateInternalCloseApi(APIView):
    """Close the trajectory inside the entity with its outcome (the registration ends)."""

    @extend_schema(request=s.RedeploymentInternalCloseInputSerializer, responses=s.RedeploymentCandidateSerializer)
    def post(self, request, pk):
        candidate_get_visible(user=request.user, candidate_id=pk)
        data = s.RedeploymentInternalCloseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _no_permission(lambda: internal_trajectory_close(actor=request.user, candidate_id=pk, **data.validated_data))
        return _candidate(request, pk)


class VacancyWithdrawApi(APIView):
    @extend_schema(request=None, responses=s.RedeploymentVacancySerializer)
    def post(self, request, pk):
        vacancy_get_visible(user=request.user, vacancy_id=pk)
        vacancy = _no_permission(lambda: vacancy_withdraw(actor=request.user, vacancy_id=pk))
        return Response(s.RedeploymentVacancySerializer(vacancy).data)
