from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hrportal.models import Entity

from ..models import ClimateRound, Pool, PoolAssignment, PoolMember, SupportRequest
from ..models.pools import Dimension


class PoolSerializer(serializers.ModelSerializer):
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Pool
        fields = ["id", "name", "kind", "description", "member_count"]


class PoolMemberBudgetSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="staff.full_name")
    staff = serializers.IntegerField(source="staff_id")
    budget = serializers.IntegerField()
    used = serializers.IntegerField()
    remaining = serializers.IntegerField()
    assignable = serializers.BooleanField()

    class Meta:
        model = PoolMember
        fields = [
            "id",
            "pool",
            "staff",
            "name",
            "certified_on",
            "is_active",
            "is_coordinator",
            "budget",
            "used",
            "remaining",
            "assignable",
        ]


class PoolMemberInputSerializer(serializers.Serializer):
    personnel_number = serializers.CharField(max_length=20)
    certified_on = serializers.DateField(allow_null=True, required=False, default=None)
    is_active = serializers.BooleanField(default=True)
    is_coordinator = serializers.BooleanField(default=False)


class PoolAssignmentSerializer(serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.staff.full_name")

    class Meta:
        model = PoolAssignment
        fields = ["id", "request", "member", "member_name", "hours", "period_start", "period_end", "status"]


class SupportRequestSerializer(serializers.ModelSerializer):
    support_kind = serializers.ChoiceField(source="kind", choices=SupportRequest.Kind.choices, read_only=True)
    entity_name = serializers.CharField(source="entity.name")
    assignment = serializers.SerializerMethodField()

    class Meta:
        model = SupportRequest
        fields = [
            "id",
            "pool",
            "support_kind",
            "entity",
            "entity_name",
            "coachee",
            "description",
            "estimated_hours",
            "wanted_from",
            "wanted_until",
            "status",
            "decision_note",
            "created_at",
            "assignment",
        ]

    @extend_schema_field(PoolAssignmentSerializer(allow_null=True))
    def get_assignment(self, obj):
        assignment = getattr(obj, "assignment", None) if obj.status == SupportRequest.Status.ASSIGNED else None
        return PoolAssignmentSerializer(assignment).data if assignment else None


class SupportRequestInputSerializer(serializers.Serializer):
    support_kind = serializers.ChoiceField(choices=SupportRequest.Kind.choices)
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all(), required=False, allow_null=True)
    description = serializers.CharField()
    estimated_hours = serializers.IntegerField(min_value=1, max_value=2000)
    wanted_from = serializers.DateField()
    wanted_until = serializers.DateField()


class AssignInputSerializer(serializers.Serializer):
    member = serializers.IntegerField()
    hours = serializers.IntegerField(min_value=1, max_value=2000)
    period_start = serializers.DateField()
    period_end = serializers.DateField()


class DeclineInputSerializer(serializers.Serializer):
    reason = serializers.CharField()


class ClimateRoundSerializer(serializers.ModelSerializer):
    response_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = ClimateRound
        fields = ["id", "year", "opens_on", "closes_on", "response_count"]


class ClimateRoundInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()


class ClimateResponseInputSerializer(serializers.Serializer):
    autonomy = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.AUTONOMY.label))
    trust = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.TRUST.label))
    collaboration = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.COLLABORATION.label))
    digital = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.DIGITAL.label))
    learning = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.LEARNING.label))


class ScoresSerializer(serializers.Serializer):
    autonomy = serializers.FloatField()
    trust = serializers.FloatField()
    collaboration = serializers.FloatField()
    digital = serializers.FloatField()
    learning = serializers.FloatField()


class ClimateEntityResultSerializer(serializers.Serializer):
    entity_id = serializers.IntegerField()
    entity = serializers.CharField()
    responses = serializers.IntegerField()
    overall = serializers.FloatField()
    scores = ScoresSerializer()


class ClimateTotalSerializer(serializers.Serializer):
    responses = serializers.IntegerField()
    overall = serializers.FloatField()
    scores = ScoresSerializer()


class ClimateResultsSerializer(serializers.Serializer):
    round = serializers.IntegerField(source="round.pk")
    year = serializers.IntegerField(source="round.year")
    min_cell_size = serializers.IntegerField()
    entities = ClimateEntityResultSerializer(many=True)
    suppressed_entities = serializers.SerializerMethodField()
    total = ClimateTotalSerializer(allow_null=True)

    def get_suppressed_entities(self, obj) -> int:
        return len(obj["suppressed"])
