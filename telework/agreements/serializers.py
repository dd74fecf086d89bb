from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from telework.models import TeleworkAgreement, TeleworkExplanation


class AgreementSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    entity = serializers.CharField(source="staff.entity.name", read_only=True)
    weekdays = serializers.ListField(child=serializers.IntegerField(), read_only=True)

    class Meta:
        model = TeleworkAgreement
        fields = [
            "id",
            "staff",
            "staff_name",
            "entity",
            "status",
            "days_per_week",
            "pattern",
            "weekdays",
            "preferred_day",
            "start",
            "end",
            "motivation",
            "supersedes",
            "requested_at",
            "decided_at",
            "decision_reason",
            "ended_at",
            "end_reason",
        ]
        read_only_fields = fields


class AgreementRequestSerializer(serializers.Serializer):
    days_per_week = serializers.IntegerField(min_value=1, max_value=5)
    pattern = serializers.ChoiceField(choices=TeleworkAgreement.Pattern.choices)
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=4),
        required=False,
        default=list,
        max_length=5,
        help_text="Fixed weekdays, 0 = Monday … 4 = Friday; empty when flexible.",
    )
    preferred_day = serializers.IntegerField(min_value=0, max_value=4, help_text="0 = Monday … 4 = Friday")
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField(required=False, allow_null=True, default=None)
    motivation = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class DecisionSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class RefusalSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class EndSerializer(serializers.Serializer):
    end = BoundedDateSerializerField()
    reason = serializers.CharField(max_length=2000)


class OccupancyDaySerializer(serializers.Serializer):
    day = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    teleworkers = serializers.IntegerField()
    present = serializers.IntegerField()
    over = serializers.BooleanField()


class OccupancyRowSerializer(serializers.Serializer):
    entity_id = serializers.IntegerField(source="entity.pk")
    entity = serializers.CharField(source="entity.name")
    headcount = serializers.IntegerField()
    desks = serializers.IntegerField()
    desks_from_norm = serializers.BooleanField()
    over_days = serializers.IntegerField()
    days = OccupancyDaySerializer(many=True)


class ExplanationSerializer(serializers.ModelSerializer):
    entity_name = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = TeleworkExplanation
        fields = ["id", "entity", "entity_name", "applies_telework", "explanation", "effective_from", "recorded_at"]
        read_only_fields = fields


class ExplanationInputSerializer(serializers.Serializer):
    entity = serializers.IntegerField()
    applies_telework = serializers.BooleanField()
    explanation = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    effective_from = BoundedDateSerializerField()


class RegisterRowSerializer(serializers.Serializer):
    entity_id = serializers.IntegerField(source="entity.pk")
    entity = serializers.CharField(source="entity.name")
    deviates = serializers.BooleanField()
    explanation = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    since = BoundedDateSerializerField(allow_null=True)
