from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField


class ParameterSerializer(serializers.Serializer):
    key = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    label = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    unit = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    default = serializers.JSONField()
    current = serializers.JSONField()


class ParameterSetSerializer(serializers.Serializer):
    key = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    value = serializers.IntegerField(min_value=0)
    valid_from = BoundedDateSerializerField()
    legal_basis = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
