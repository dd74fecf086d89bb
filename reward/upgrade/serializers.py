from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod


class UpgradePeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = UpgradePeriod
        fields = ["id", "kind", "start", "end", "planned_end", "cancelled", "decision_date", "parameters"]


class UpgradeAllowanceSerializer(serializers.ModelSerializer):
    holder_name = serializers.CharField(source="holder.full_name", read_only=True)
    function_name = serializers.CharField(source="function.name", read_only=True)
    periods = UpgradePeriodSerializer(many=True, read_only=True)

    class Meta:
        model = UpgradeAllowance
        fields = [
            "id",
            "holder",
            "holder_name",
            "function",
            "function_name",
            "function_class",
            "own_class",
            "tasks",
            "percentage",
            "regime",
            "status",
            "decision_date",
            "ended_on",
            "end_reason",
            "parameters",
            "periods",
        ]


class UpgradeGrantInputSerializer(serializers.Serializer):
    holder = serializers.IntegerField(help_text="Id of the staff member")
    function = serializers.IntegerField(help_text="Id of the function of the heavier tasks")
    tasks = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2)
    regime = serializers.ChoiceField(choices=UpgradeAllowance.Regime.choices, default=UpgradeAllowance.Regime.UNKNOWN)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()


class UpgradeExtendInputSerializer(serializers.Serializer):
    end = BoundedDateSerializerField()


class UpgradeEndInputSerializer(serializers.Serializer):
    ended_on = BoundedDateSerializerField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)


class PublishedHolderSerializer(serializers.Serializer):
    """Only what the statute publishes: the name, the function and the percentage."""

    first_name = serializers.CharField(source="holder__first_name")
    last_name = serializers.CharField(source="holder__last_name")
    function = serializers.CharField(source="function__name")
    function_class = serializers.IntegerField()
    percentage = serializers.DecimalField(max_digits=5, decimal_places=2)
