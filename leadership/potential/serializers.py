from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from leadership.potential.models import Assessment, AssessmentScore
from leadership.roles.models import LeadershipRole, ManagementLevel


class ScoreSerializer(serializers.ModelSerializer):
    competency = serializers.CharField(source="competency.code")

    class Meta:
        model = AssessmentScore
        fields = ["competency", "score"]


class AssessmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="staff.full_name", read_only=True)
    scores = ScoreSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "staff", "name", "role", "tier", "assessed_on", "assessors", "result", "advice", "scores"]


class AssessmentInputSerializer(serializers.Serializer):
    personnel_number = serializers.CharField(max_length=20)
    role = serializers.ChoiceField(choices=LeadershipRole.choices)
    tier = serializers.ChoiceField(choices=ManagementLevel.choices)
    assessed_on = BoundedDateSerializerField()
    assessors = serializers.ListField(child=serializers.CharField(max_length=20), min_length=1, max_length=10)
    scores = serializers.DictField(child=serializers.IntegerField(min_value=1, max_value=4))
    result = serializers.ChoiceField(choices=Assessment.Result.choices)
    advice = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class TalentSerializer(serializers.Serializer):
    staff = serializers.IntegerField(source="pk")
    name = serializers.CharField(source="full_name")
    entity = serializers.CharField(source="entity.name")
    role = serializers.CharField(source="latest_role")
    result = serializers.CharField(source="latest_result")
    assessed_on = serializers.DateField(source="latest_on")
