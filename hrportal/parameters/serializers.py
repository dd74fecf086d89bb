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
    value = serializers.IntegerField(min_value=0, max_value=1_000_000)
    valid_from = BoundedDateSerializerField()
    legal_basis = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    correction_reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        write_only=True,
        help_text="Only to correct a value already recorded for the same date.",
    )


class DecisionUsedSerializer(serializers.Serializer):
    taken_at = serializers.DateTimeField()
    action = serializers.CharField()
    target = serializers.CharField()
    value_used = serializers.JSONField()
    rule_date = serializers.CharField()


class ParameterReviewSerializer(serializers.Serializer):
    key = serializers.CharField(source="value.key")
    value = serializers.JSONField(source="value.value")
    valid_from = serializers.DateField(source="value.valid_from")
    recorded_at = serializers.DateTimeField(source="value.created_at")
    legal_basis = serializers.CharField(source="value.legal_basis")
    decisions = DecisionUsedSerializer(many=True)
