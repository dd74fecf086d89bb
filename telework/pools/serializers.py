from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Entity
from telework.models import Pool, PoolAssignment, PoolMember, SupportRequest


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
    certified_on = BoundedDateSerializerField(allow_null=True, required=False, default=None)
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
    description = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    estimated_hours = serializers.IntegerField(min_value=1, max_value=2000)
    wanted_from = BoundedDateSerializerField()
    wanted_until = BoundedDateSerializerField()


class AssignInputSerializer(serializers.Serializer):
    member = serializers.IntegerField()
    hours = serializers.IntegerField(min_value=1, max_value=2000)
    period_start = BoundedDateSerializerField()
    period_end = BoundedDateSerializerField()


class DeclineInputSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
