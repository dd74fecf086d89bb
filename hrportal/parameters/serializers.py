from rest_framework import serializers


class ParameterSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    unit = serializers.CharField()
    default = serializers.JSONField()
    current = serializers.JSONField()


class ParameterSetSerializer(serializers.Serializer):
    key = serializers.CharField()
    value = serializers.IntegerField(min_value=0)
    valid_from = serializers.DateField()
    legal_basis = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
