from datetime import date

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.parameters import serializers as s
from hrportal.parameters.catalogue import CATALOGUE
from hrportal.parameters.selectors import parameter, parameter_reviews
from hrportal.parameters.services import parameter_set
from hrportal.roles import sees_everything


class ParameterListApi(APIView):
    """Every policy parameter with its default and the value in force today (or on ?on=YYYY-MM-DD)."""

    @extend_schema(responses=s.ParameterSerializer(many=True))
    def get(self, request):
        on = date.today()
        if "on" in request.query_params:
            field = s.ParameterSetSerializer().fields["valid_from"]
            on = field.run_validation(request.query_params["on"])
        rows = [
            {
                "key": key,
                "label": str(spec.label),
                "unit": str(spec.unit),
                "default": spec.default,
                "current": parameter(key, on=on),
            }
            for key, spec in CATALOGUE.items()
        ]
        return Response(s.ParameterSerializer(rows, many=True).data)

    @extend_schema(request=s.ParameterSetSerializer, responses={201: s.ParameterSetSerializer})
    def post(self, request):
        if not sees_everything(request.user):
            raise NotFound
        data = s.ParameterSetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data["key"] not in CATALOGUE:
            return Response({"key": ["Unknown parameter."]}, status=status.HTTP_400_BAD_REQUEST)
        parameter_set(actor=request.user, **data.validated_data)
        return Response(data.data, status=status.HTTP_201_CREATED)


class ParameterReviewListApi(APIView):
    """Central HR: values recorded after the date they start from, each with the decisions taken in between
    that used another value (they keep their recorded values; HR reviews them)."""

    @extend_schema(responses=s.ParameterReviewSerializer(many=True))
    def get(self, request):
        if not sees_everything(request.user):
            raise NotFound
        return Response(s.ParameterReviewSerializer(parameter_reviews(), many=True).data)
