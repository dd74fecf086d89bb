from rest_framework import serializers

from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep
from deployability.reintegration.permissions import sees_medical
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Function


class StepSerializer(serializers.ModelSerializer):
    step_kind = serializers.ChoiceField(source="kind", choices=ReintegrationStep.Kind.choices, read_only=True)

    class Meta:
        model = ReintegrationStep
        fields = ["id", "step_kind", "start", "end", "working_time_percent", "function", "description"]
        read_only_fields = fields


class TeamMemberSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="staff.full_name", read_only=True)

    class Meta:
        model = CaseTeamMember
        fields = ["id", "staff", "name", "role"]
        read_only_fields = fields


class CaseSerializer(serializers.ModelSerializer):
    """`medical_details` is null for a reader who may not see it (hrportal.scoping.can_see_medical)."""

    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    medical_details = serializers.SerializerMethodField()
    case_outcome = serializers.ChoiceField(source="outcome", choices=ReintegrationCase.Outcome.choices, read_only=True)
    steps = StepSerializer(many=True, read_only=True)
    team = TeamMemberSerializer(many=True, read_only=True)

    class Meta:
        model = ReintegrationCase
        fields = [
            "id",
            "staff",
            "staff_name",
            "status",
            "intake_on",
            "shared_summary",
            "medical_details",
            "case_outcome",
            "outcome_note",
            "closed_on",
            "steps",
            "team",
        ]
        read_only_fields = fields

    def get_medical_details(self, case) -> str | None:
        request = self.context.get("request")
        if request is None or not sees_medical(user=request.user, case=case):
            return None
        return case.medical_details


class CaseOpenSerializer(serializers.Serializer):
    personnel_number = serializers.CharField(max_length=20)
    intake_on = BoundedDateSerializerField()
    medical_details = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX_LENGTH)
    shared_summary = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX_LENGTH)


class StepInputSerializer(serializers.Serializer):
    step_kind = serializers.ChoiceField(choices=ReintegrationStep.Kind.choices)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField(required=False, allow_null=True, default=None)
    working_time_percent = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=99
    )
    function = serializers.PrimaryKeyRelatedField(
        queryset=Function.objects.all(), required=False, allow_null=True, default=None
    )
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX_LENGTH)


class CloseInputSerializer(serializers.Serializer):
    case_outcome = serializers.ChoiceField(choices=ReintegrationCase.Outcome.choices)
    closed_on = BoundedDateSerializerField(required=False, allow_null=True, default=None)
    outcome_note = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX_LENGTH)
