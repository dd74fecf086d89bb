from rest_framework import serializers

from hrportal.inputs import BoundedDateSerializerField
from hrportal.models import Competency
from leadership.roles.models import LeadershipRole, ManagementLevel, ProfileRequirement


class ProfileRequirementSerializer(serializers.ModelSerializer):
    competency_code = serializers.CharField(source="competency.code", read_only=True)
    competency_name = serializers.CharField(source="competency.name", read_only=True)

    class Meta:
        model = ProfileRequirement
        fields = [
            "id",
            "role",
            "tier",
            "competency",
            "competency_code",
            "competency_name",
            "required_level",
            "valid_from",
            "valid_until",
        ]


class ProfileInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=LeadershipRole.choices)
    tier = serializers.ChoiceField(choices=ManagementLevel.choices)
    competency = serializers.SlugRelatedField(slug_field="code", queryset=Competency.objects.all())
    required_level = serializers.IntegerField(min_value=1, max_value=4, allow_null=True)
    valid_from = BoundedDateSerializerField()


class ComparisonRowSerializer(serializers.Serializer):
    competency = serializers.CharField(source="competency.code")
    competency_name = serializers.CharField(source="competency.name")
    required = serializers.IntegerField()
    actual = serializers.IntegerField(allow_null=True)
    meets = serializers.BooleanField()


class RoleComparisonSerializer(serializers.Serializer):
    role = serializers.CharField()
    met = serializers.IntegerField()
    total = serializers.IntegerField()
    rows = ComparisonRowSerializer(many=True)
