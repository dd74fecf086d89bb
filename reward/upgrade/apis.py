from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.models import Function
from hrportal.scoping import staff_get_visible
from reward.upgrade import serializers as s
from reward.upgrade.models import UpgradeAllowance
from reward.upgrade.permissions import allowance_get_visible, can_decide_upgrades, can_grant_upgrade
from reward.upgrade.selectors import allowance_expiring, allowance_list, publication_current, published_list
from reward.upgrade.services import upgrade_allowance_end_early, upgrade_allowance_extend, upgrade_allowance_grant


def _detail(request, pk, code=status.HTTP_200_OK) -> Response:
    allowance = allowance_get_visible(user=request.user, allowance_id=pk)
    return Response(s.UpgradeAllowanceSerializer(allowance).data, status=code)


class AllowanceListApi(generics.ListAPIView):
    """Allowances the caller may see (own; team and entities for managers and HR). POST grants one."""

    serializer_class = s.UpgradeAllowanceSerializer

    def get_queryset(self):
        return allowance_list(viewer=self.request.user).prefetch_related("periods")

    @extend_schema(request=s.UpgradeGrantInputSerializer, responses={201: s.UpgradeAllowanceSerializer})
    def post(self, request):
        if not can_decide_upgrades(request.user):
            raise NotFound
        data = s.UpgradeGrantInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        holder = staff_get_visible(user=request.user, staff_id=values.pop("holder"))
        function = Function.objects.filter(pk=values.pop("function")).first()
        if function is None:
            return Response({"function": ["No such function."]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            allowance = upgrade_allowance_grant(actor=request.user, holder=holder, function=function, **values)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, allowance.pk, status.HTTP_201_CREATED)


class AllowanceDetailApi(generics.RetrieveAPIView):
    serializer_class = s.UpgradeAllowanceSerializer

    def get_object(self):
        return allowance_get_visible(user=self.request.user, allowance_id=self.kwargs["pk"])


class _DecisionApi(APIView):
    input_serializer = None

    def _check(self, request, pk):
        allowance = allowance_get_visible(user=request.user, allowance_id=pk)
        if not can_grant_upgrade(user=request.user, staff=allowance.holder):
            raise NotFound

    def decide(self, request, pk, values):  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request, pk):
        self._check(request, pk)
        data = self.input_serializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            self.decide(request, pk, dict(data.validated_data))
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, pk)


class AllowanceExtendApi(_DecisionApi):
    input_serializer = s.UpgradeExtendInputSerializer

    @extend_schema(request=s.UpgradeExtendInputSerializer, responses=s.UpgradeAllowanceSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def decide(self, request, pk, values):
        upgrade_allowance_extend(actor=request.user, allowance_id=pk, **values)


class AllowanceEndApi(_DecisionApi):
    input_serializer = s.UpgradeEndInputSerializer

    @extend_schema(request=s.UpgradeEndInputSerializer, responses=s.UpgradeAllowanceSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def decide(self, request, pk, values):
        upgrade_allowance_end_early(actor=request.user, allowance_id=pk, **values)


class AllowanceExpiringApi(generics.ListAPIView):
    """Managers and HR: the allowances they decide on that end within the notice days."""

    serializer_class = s.UpgradeAllowanceSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return UpgradeAllowance.objects.none()
        if not can_decide_upgrades(self.request.user):
            raise NotFound
        return allowance_expiring(viewer=self.request.user).prefetch_related("periods")


class PublishedListApi(generics.ListAPIView):
    """The current yearly publication: name, function and percentage of every holder; for every signed-in user."""

    serializer_class = s.PublishedHolderSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return UpgradeAllowance.objects.none()
        return published_list(publication=publication_current())
