from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Function
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction


class ShortageFunctionSerializer(serializers.ModelSerializer):
    function_name = serializers.CharField(source="function.name", read_only=True)
    function_class = serializers.IntegerField(source="function.function_class", read_only=True)

    class Meta:
        model = ShortageFunction
        fields = [
            "id",
            "function",
            "function_name",
            "function_class",
            "valid_from",
            "valid_until",
            "yearly_amount",
            "percentage",
            "note",
        ]


class ShortageFunctionInputSerializer(serializers.Serializer):
    function = serializers.PrimaryKeyRelatedField(queryset=Function.objects.all())
    valid_from = BoundedDateSerializerField()
    valid_until = BoundedDateSerializerField(required=False, allow_null=True, default=None)
    yearly_amount = serializers.DecimalField(
        max_digits=9, decimal_places=2, required=False, allow_null=True, default=None, min_value=0
    )
    percentage = serializers.DecimalField(
        max_digits=5, decimal_places=2, required=False, allow_null=True, default=None, min_value=0
    )
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class ShortageEndInputSerializer(serializers.Serializer):
    valid_until = BoundedDateSerializerField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)


class LabourMarketAllowanceSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    entity = serializers.IntegerField(source="staff.entity_id", read_only=True)
    function = serializers.IntegerField(source="listing.function_id", read_only=True)
    function_name = serializers.CharField(source="listing.function.name", read_only=True)

    class Meta:
        model = LabourMarketAllowance
        fields = [
            "id",
            "staff",
            "staff_name",
            "entity",
            "listing",
            "function",
            "function_name",
            "start",
            "end",
            "yearly_amount",
            "percentage",
            "status",
            "end_reason",
            "granted_at",
        ]


class AllowanceGrantInputSerializer(serializers.Serializer):
    personnel_number = serializers.CharField(max_length=20)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()


class AllowanceEndInputSerializer(serializers.Serializer):
    end = BoundedDateSerializerField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)
