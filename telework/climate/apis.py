from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from telework.climate import serializers as s
from telework.climate.permissions import can_manage_climate
from telework.climate.selectors import climate_results, climate_round_list
from telework.climate.services import climate_response_submit, climate_round_create
from telework.models import ClimateRound


class ClimateRoundListApi(generics.ListAPIView):
    """Survey rounds; POST (central HR) opens a new one."""

    serializer_class = s.ClimateRoundSerializer
    pagination_class = None

    def get_queryset(self):
        return climate_round_list()

    @extend_schema(request=s.ClimateRoundInputSerializer, responses={201: s.ClimateRoundSerializer})
    def post(self, request):
        if not can_manage_climate(request.user):
            raise NotFound
        data = s.ClimateRoundInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = climate_round_create(actor=request.user, **data.validated_data)
        created.response_count = 0
        return Response(s.ClimateRoundSerializer(created).data, status=status.HTTP_201_CREATED)


def _round(pk) -> ClimateRound:
    try:
        return ClimateRound.objects.get(pk=pk)
    except ClimateRound.DoesNotExist:
        raise Http404 from None


class ClimateRespondApi(APIView):
    """Answer the survey once, anonymously, for one's own entity."""

    @extend_schema(request=s.ClimateResponseInputSerializer, responses={204: None})
    def post(self, request, pk):
        survey = _round(pk)
        data = s.ClimateResponseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            climate_response_submit(actor=request.user, round_id=survey.pk, scores=dict(data.validated_data))
        except PermissionDenied:
            raise NotFound from None
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClimateResultsApi(APIView):
    """Maturity per entity the caller may see; entities under `monitoring.min_cell_size` answers are counted only."""

    @extend_schema(responses=s.ClimateResultsSerializer)
    def get(self, request, pk):
        results = climate_results(round=_round(pk), viewer=request.user)
        return Response(s.ClimateResultsSerializer(results).data)
