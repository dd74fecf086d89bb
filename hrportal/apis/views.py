from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.apis import serializers as s
from hrportal.filters import StaffFilter
from hrportal.models import Competency, Entity, Function
from hrportal.pagination import DirectoryPagination
from hrportal.roles import staff_of
from hrportal.selectors.portfolio import portfolio_action_list
from hrportal.selectors.staff import staff_directory_list, staff_profile_get
from hrportal.services.staff import staff_profile_update


class StaffListApi(generics.ListAPIView):
    """Staff the caller may see (own record, team, HR entities), with search and filters."""

    serializer_class = s.StaffListSerializer
    filterset_class = StaffFilter
    pagination_class = DirectoryPagination
    ordering_fields = ["last_name", "first_name", "personnel_number"]

    def get_queryset(self):
        return staff_directory_list(viewer=self.request.user)


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
        member = staff_profile_get(staff_id=pk, viewer=request.user)
        return Response(s.StaffDetailSerializer(member, context={"request": request}).data)


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
