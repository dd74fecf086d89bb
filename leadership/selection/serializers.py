from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Entity
from leadership.selection.models import Candidate, Probation, Selection


class LeadershipCandidateSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    internal = serializers.BooleanField(source="is_internal", read_only=True)

    class Meta:
        model = Candidate
        fields = [
            "id",
            "selection",
            "staff",
            "name",
            "internal",
            "external_email",
            "experience_years",
            "experience_months",
            "experience_days",
            "status",
        ]


class LeadershipSelectionSerializer(serializers.ModelSerializer):
    entity_name = serializers.CharField(source="entity.name", read_only=True)
    candidates = LeadershipCandidateSerializer(many=True, read_only=True)

    class Meta:
        model = Selection
        fields = ["id", "post", "entity", "entity_name", "opens_on", "closes_on", "status", "candidates"]


class LeadershipSelectionInputSerializer(serializers.Serializer):
    post = serializers.CharField(max_length=200)
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all())
    opens_on = BoundedDateSerializerField()
    closes_on = BoundedDateSerializerField()


class LeadershipCandidateInputSerializer(serializers.Serializer):
    personnel_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    external_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    external_email = serializers.EmailField(required=False, allow_blank=True, default="")
    experience_years = serializers.IntegerField(
        min_value=0,
        max_value=60,
        required=False,
        allow_null=True,
        default=None,
        help_text="Leave out for an internal candidate: the experience recognised in reward counts.",
    )
    experience_months = serializers.IntegerField(min_value=0, max_value=11, default=0)
    experience_days = serializers.IntegerField(min_value=0, max_value=365, default=0)


class LeadershipAppointInputSerializer(serializers.Serializer):
    candidate = serializers.IntegerField()
    starts_on = BoundedDateSerializerField()
    probation_months = serializers.IntegerField(min_value=1, max_value=36)
    personnel_number = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")


class ProbationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="staff.full_name", read_only=True)

    class Meta:
        model = Probation
        fields = [
            "id",
            "staff",
            "name",
            "post",
            "starts_on",
            "months",
            "ends_on",
            "outcome",
            "evaluated_on",
            "remarks",
        ]


class EvaluateInputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=[Probation.Outcome.POSITIVE, Probation.Outcome.NEGATIVE])
    evaluated_on = BoundedDateSerializerField()
    remarks = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
