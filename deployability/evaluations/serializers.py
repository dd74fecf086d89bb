from rest_framework import serializers

from deployability.evaluations.models import EvaluationCase
from deployability.models import GuidanceTrajectory
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Evaluation


class EvaluationCaseTimelineItemSerializer(serializers.Serializer):
    day = serializers.DateField()
    label = serializers.CharField()
    detail = serializers.CharField()
    emphasis = serializers.BooleanField()


class EvaluationCaseSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    evaluated_on = serializers.DateField(source="evaluation.evaluated_on", read_only=True)
    employment_type = serializers.CharField(source="staff.employment_type", read_only=True)

    class Meta:
        model = EvaluationCase
        fields = [
            "id",
            "staff",
            "staff_name",
            "employment_type",
            "evaluation",
            "evaluated_on",
            "opened_on",
            "status",
            "outcome",
            "special_circumstances",
            "trajectory",
            "guidance_started_on",
            "second_insufficient",
            "dismissal_decided_on",
            "dismissal_note",
            "closed_on",
        ]


class EvaluationCaseDetailSerializer(EvaluationCaseSerializer):
    timeline = serializers.SerializerMethodField()
    window = serializers.SerializerMethodField()

    class Meta(EvaluationCaseSerializer.Meta):
        fields = [*EvaluationCaseSerializer.Meta.fields, "window", "timeline"]

    def get_timeline(self, obj) -> list[dict]:
        return EvaluationCaseTimelineItemSerializer(self.context["timeline"]["items"], many=True).data

    def get_window(self, obj) -> int:
        return self.context["timeline"]["window"]


class EvaluationCaseSpecialDismissalInputSerializer(serializers.Serializer):
    special_circumstances = serializers.CharField(max_length=TEXT_MAX_LENGTH, allow_blank=True)
    decided_on = BoundedDateSerializerField()


class EvaluationCaseGuidanceInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=GuidanceTrajectory.Kind.choices)
    goal = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    started_on = BoundedDateSerializerField()


class EvaluationCaseEvaluationInputSerializer(serializers.Serializer):
    evaluated_on = BoundedDateSerializerField()
    rating = serializers.ChoiceField(choices=Evaluation.Rating.choices)
    remarks = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class EvaluationCaseDismissalInputSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    decided_on = BoundedDateSerializerField()


class EvaluationCaseCloseInputSerializer(serializers.Serializer):
    closed_on = BoundedDateSerializerField()
