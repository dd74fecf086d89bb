from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from reward.paygap import serializers as s
from reward.paygap.models import PayGapJustification
from reward.paygap.permissions import can_see_pay_gap
from reward.paygap.services import justification_record


class JustificationListApi(generics.ListAPIView):
    """Central HR: the recorded justifications of flagged pay-gap categories. POST records one for a category
    flagged in a finished run (the report itself is under /api/reports/)."""

    serializer_class = s.PayGapJustificationSerializer
    filterset_fields = ["year", "outcome"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PayGapJustification.objects.none()
        if not can_see_pay_gap(self.request.user):
            raise NotFound
        return PayGapJustification.objects.all()

    @extend_schema(request=s.JustificationInputSerializer, responses={201: s.PayGapJustificationSerializer})
    def post(self, request):
        if not can_see_pay_gap(request.user):
            raise NotFound
        data = s.JustificationInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        record = justification_record(actor=request.user, run_id=values.pop("run"), **values)
        return Response(s.PayGapJustificationSerializer(record).data, status=status.HTTP_201_CREATED)
