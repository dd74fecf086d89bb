from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.inputs import MAX_ID
from hrportal.models import Function, FunctionFamily
from hrportal.roles import staff_of
from hrportal.scoping import can_work_hr_case, staff_get_visible
from reward.matrix import serializers as s
from reward.matrix.permissions import can_manage_matrix, can_read_matrix, matrix_entities
from reward.matrix.selectors import (
    family_list,
    function_history,
    function_list,
    functions_one_class_up,
    matrix_cells,
)
from reward.matrix.services import (
    family_create,
    family_deactivate,
    family_move,
    family_update,
    function_create,
    function_reclassify,
    staff_function_set,
)


def _family(value, field: str):
    if value is None:
        return None
    family = FunctionFamily.objects.filter(pk=value).first()
    if family is None:
        raise ValidationError({field: "No such function family."})
    return family


class MatrixApi(APIView):
    """Functions and staff per cell (family x class), in one query; `?entity=` counts one entity's staff."""

    @extend_schema(
        responses=s.CellSerializer(many=True),
        parameters=[OpenApiParameter("entity", int, description="Count the staff of this entity (and below)")],
    )
    def get(self, request):
        if not can_read_matrix(request.user):
            raise NotFound
        entity_id = request.query_params.get("entity")
        if entity_id:
            if not entity_id.isdigit() or not (1 <= int(entity_id) <= MAX_ID):
                return Response({"entity": ["Enter a whole number."]}, status=status.HTTP_400_BAD_REQUEST)
            entity = matrix_entities(request.user).filter(pk=int(entity_id)).first()
            if entity is None:
                raise NotFound
            entity_id = entity.pk
        cells = matrix_cells(entity_id=entity_id or None).values()
        return Response(
            s.CellSerializer(sorted(cells, key=lambda c: (c.family_id or 0, c.function_class)), many=True).data
        )


class FunctionListApi(generics.ListAPIView):
    """The functions of the matrix (every signed-in user); POST adds one (central HR)."""

    serializer_class = s.MatrixFunctionSerializer

    def get_queryset(self):
        return function_list()

    @extend_schema(request=s.FunctionInputSerializer, responses={201: s.MatrixFunctionSerializer})
    def post(self, request):
        if not can_manage_matrix(request.user):
            raise NotFound
        data = s.FunctionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["family"] = _family(values["family"], "family")
        function = function_create(actor=request.user, **values)
        return Response(
            s.MatrixFunctionSerializer(function_list().get(pk=function.pk)).data, status=status.HTTP_201_CREATED
        )


class FunctionReclassifyApi(APIView):
    @extend_schema(request=s.ReclassifyInputSerializer, responses=s.ReclassificationSerializer)
    def post(self, request, pk):
        if not can_manage_matrix(request.user) or not Function.objects.filter(pk=pk).exists():
            raise NotFound
        data = s.ReclassifyInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        values["to_family"] = _family(values["to_family"], "to_family")
        reclassification = function_reclassify(actor=request.user, function_id=pk, **values)
        return Response(s.ReclassificationSerializer(reclassification).data)


class MyCellApi(APIView):
    """The caller's own cell, the functions one class up in their and neighbouring families, their history."""

    @extend_schema(responses=s.MyCellSerializer)
    def get(self, request):
        me = staff_of(request.user)
        if me is None:
            raise NotFound
        data = {
            "function": function_list().filter(pk=me.function_id).first(),
            "one_class_up": list(functions_one_class_up(staff=me)),
            "history": list(function_history(staff=me)),
        }
        return Response(s.MyCellSerializer(data).data)


class StaffFunctionApi(APIView):
    """HR of the person's entity: their function history (GET) and a new function from a date on (POST)."""

    def _person(self, request, staff_id):
        person = staff_get_visible(user=request.user, staff_id=staff_id)
        if not can_work_hr_case(user=request.user, staff=person):
            raise NotFound
        return person

    @extend_schema(responses=s.HistorySerializer(many=True))
    def get(self, request, staff_id):
        person = self._person(request, staff_id)
        return Response(s.HistorySerializer(function_history(staff=person), many=True).data)

    @extend_schema(request=s.StaffFunctionInputSerializer, responses=s.HistorySerializer(many=True))
    def post(self, request, staff_id):
        person = self._person(request, staff_id)
        data = s.StaffFunctionInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        function = Function.objects.filter(pk=data.validated_data["function"]).first()
        if function is None:
            return Response({"function": ["No such function."]}, status=status.HTTP_400_BAD_REQUEST)
        staff_function_set(actor=request.user, staff=person, function=function, on=data.validated_data["on"])
        return Response(s.HistorySerializer(function_history(staff=person), many=True).data)


class FamilyListApi(generics.ListAPIView):
    """The function families in the matrix's order (every signed-in user); POST adds one (central HR)."""

    serializer_class = s.FamilySerializer
    pagination_class = None

    def get_queryset(self):
        return family_list()

    @extend_schema(request=s.FamilyCreateInputSerializer, responses={201: s.FamilySerializer})
    def post(self, request):
        if not can_manage_matrix(request.user):
            raise NotFound
        data = s.FamilyCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        family = family_create(actor=request.user, **data.validated_data)
        return Response(s.FamilySerializer(family_list().get(pk=family.pk)).data, status=status.HTTP_201_CREATED)


def _family_write(request, pk: int, input_serializer, service) -> Response:
    """Central HR's writes on one family: validate the body, call the service, answer the family; 404 for
    others and for an unknown id."""
    if not can_manage_matrix(request.user) or not FunctionFamily.objects.filter(pk=pk).exists():
        raise NotFound
    data = input_serializer(data=request.data)
    data.is_valid(raise_exception=True)
    service(actor=request.user, family_id=pk, **data.validated_data)
    return Response(s.FamilySerializer(family_list().get(pk=pk)).data)


class FamilyDetailApi(APIView):
    """Central HR: rename a family (POST); others 404."""

    @extend_schema(
        operation_id="reward_matrix_families_rename",
        request=s.FamilyUpdateInputSerializer,
        responses=s.FamilySerializer,
    )
    def post(self, request, pk):
        return _family_write(request, pk, s.FamilyUpdateInputSerializer, family_update)


class FamilyMoveApi(APIView):
    @extend_schema(request=s.FamilyMoveInputSerializer, responses=s.FamilySerializer)
    def post(self, request, pk):
        return _family_write(request, pk, s.FamilyMoveInputSerializer, family_move)


class FamilyDeactivateApi(APIView):
    @extend_schema(request=s.FamilyDeactivateInputSerializer, responses=s.FamilySerializer)
    def post(self, request, pk):
        return _family_write(request, pk, s.FamilyDeactivateInputSerializer, family_deactivate)
