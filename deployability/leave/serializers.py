from rest_framework import serializers

from deployability.leave.models import LeaveRequest, LeaveRight
from hrportal.inputs import BoundedDateSerializerField


class LeaveRightSerializer(serializers.ModelSerializer):
    class Meta:
        model = LeaveRight
        fields = [
            "id",
            "code",
            "name",
            "source",
            "legal_basis",
            "yearly_entitlement_days",
            "is_favour_leave",
            "paid",
            "counts_as_service",
            "half_days_allowed",
        ]
        read_only_fields = fields


class LeaveRequestSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    right_name = serializers.CharField(source="right.name", read_only=True)

    class Meta:
        model = LeaveRequest
        fields = [
            "id",
            "staff",
            "staff_name",
            "right",
            "right_name",
            "start",
            "end",
            "half_day",
            "days",
            "note",
            "status",
            "created_at",
            "decided_at",
            "decision_reason",
        ]
        read_only_fields = fields


class LeaveRequestInputSerializer(serializers.Serializer):
    right = serializers.PrimaryKeyRelatedField(queryset=LeaveRight.objects.filter(is_active=True))
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()
    half_day = serializers.BooleanField(required=False, default=False)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class LeaveDecisionSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class BalanceSerializer(serializers.Serializer):
    right = serializers.IntegerField(source="right.pk")
    right_name = serializers.CharField(source="right.name")
    entitlement = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    approved = serializers.DecimalField(max_digits=5, decimal_places=1)
    requested = serializers.DecimalField(max_digits=5, decimal_places=1)
    remaining = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    pieces = serializers.IntegerField()
