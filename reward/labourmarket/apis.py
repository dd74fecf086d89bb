from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.scoping import staff_visible_to
from reward.labourmarket import serializers as s
from reward.labourmarket.models import ShortageFunction
from reward.labourmarket.permissions import allowance_get_visible, can_keep_shortage_list
from reward.labourmarket.selectors import allowance_list, shortage_list
from reward.labourmarket.services import allowance_end, allowance_grant, shortage_listing_create, shortage_listing_end


class ShortageFunctionListApi(generics.ListAPIView):
    """The shortage list (every signed-in user may read it); POST: central HR adds a listing."""

    serializer_class = s.ShortageFunctionSerializer
    filterset_fields = ["function"]

    def get_queryset(self):
        return shortage_list()

    @extend_schema(request=s.ShortageFunctionInputSerializer, responses={201: s.ShortageFunctionSerializer})
    def post(self, request):
        if not can_keep_shortage_list(request.user):
            raise NotFound
        data = s.ShortageFunctionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        listing = shortage_listing_create(actor=request.user, **data.validated_data)
        return Response(s.ShortageFunctionSerializer(listing).data, status=status.HTTP_201_CREATED)


class ShortageFunctionEndApi(APIView):
    @extend_schema(request=s.ShortageEndInputSerializer, responses=s.ShortageFunctionSerializer)
    def post(self, request, pk):
        if not can_keep_shortage_list(request.user):
            raise NotFound
        get_object_or_404(ShortageFunction, pk=pk)
        data = s.ShortageEndInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        shortage_listing_end(actor=request.user, listing_id=pk, **data.validated_data)
        return Response(s.ShortageFunctionSerializer(ShortageFunction.objects.get(pk=pk)).data)


class AllowanceListApi(generics.ListAPIView):
    """Allowances the caller may see (own; HR: their entities'; central HR: all). POST: HR grants one."""

    serializer_class = s.LabourMarketAllowanceSerializer
    filterset_fields = ["status", "staff"]

    def get_queryset(self):
        return allowance_list(viewer=self.request.user)

    @extend_schema(request=s.AllowanceGrantInputSerializer, responses={201: s.LabourMarketAllowanceSerializer})
    def post(self, request):
        data = s.AllowanceGrantInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        staff = staff_visible_to(request.user).filter(personnel_number=values.pop("personnel_number")).first()
        if staff is None:
            return Response({"personnel_number": ["No member of staff with this number."]}, status=400)
        try:
            allowance = allowance_grant(actor=request.user, staff=staff, **values)
        except PermissionDenied:
            return Response({"personnel_number": ["No member of staff with this number."]}, status=400)
        return Response(s.LabourMarketAllowanceSerializer(allowance).data, status=status.HTTP_201_CREATED)


class AllowanceDetailApi(generics.RetrieveAPIView):
    serializer_class = s.LabourMarketAllowanceSerializer

    def get_object(self):
        return allowance_get_visible(user=self.request.user, allowance_id=self.kwargs["pk"])


class AllowanceEndApi(APIView):
    @extend_schema(request=s.AllowanceEndInputSerializer, responses=s.LabourMarketAllowanceSerializer)
    def post(self, request, pk):
        allowance_get_visible(user=request.user, allowance_id=pk)
        data = s.AllowanceEndInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            ended = allowance_end(actor=request.user, allowance_id=pk, **data.validated_data)
        except PermissionDenied:
            raise NotFound from None
        return Response(s.LabourMarketAllowanceSerializer(ended).data)
