from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Function, FunctionFamily
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory


class CellSerializer(serializers.Serializer):
    family = serializers.IntegerField(source="family_id", allow_null=True)
    function_class = serializers.IntegerField()
    functions = serializers.IntegerField()
    staff = serializers.IntegerField()


class MatrixFunctionSerializer(serializers.ModelSerializer):
    staff_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Function
        fields = ["id", "name", "family", "function_class", "weight", "teleworkable", "staff_count"]
        read_only_fields = ["staff_count"]


class FunctionInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    family = serializers.IntegerField(allow_null=True, required=False, default=None)
    function_class = serializers.IntegerField()
    weight = serializers.IntegerField(min_value=0, max_value=100000, default=0)
    teleworkable = serializers.BooleanField(default=True)


class ReclassifyInputSerializer(serializers.Serializer):
    to_class = serializers.IntegerField()
    to_family = serializers.IntegerField(allow_null=True, required=False, default=None)
    keep_family = serializers.BooleanField(default=True)
    effective_date = BoundedDateSerializerField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)


class ReclassificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = FunctionReclassification
        fields = ["id", "function", "from_family", "to_family", "from_class", "to_class", "effective_date", "reason"]


class HistorySerializer(serializers.ModelSerializer):
    function_name = serializers.CharField(source="function.name")

    class Meta:
        model = StaffFunctionHistory
        fields = ["function", "function_name", "function_class", "valid_from", "valid_until"]


class MyCellSerializer(serializers.Serializer):
    function = MatrixFunctionSerializer(allow_null=True)
    one_class_up = MatrixFunctionSerializer(many=True)
    history = HistorySerializer(many=True)


class StaffFunctionInputSerializer(serializers.Serializer):
    function = serializers.IntegerField()
    on = BoundedDateSerializerField()


class FamilySerializer(serializers.ModelSerializer):
    function_count = serializers.IntegerField(read_only=True)
    active = serializers.SerializerMethodField()

    class Meta:
        model = FunctionFamily
        fields = ["id", "code", "name", "name_en", "is_management", "position", "function_count", "active"]

    def get_active(self, family) -> bool:
        return not hasattr(family, "deactivation")


class FamilyUpdateInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    name_en = serializers.CharField(max_length=120)
    is_management = serializers.BooleanField(default=False)


class FamilyCreateInputSerializer(FamilyUpdateInputSerializer):
    code = serializers.SlugField(max_length=50)


class FamilyMoveInputSerializer(serializers.Serializer):
    direction = serializers.ChoiceField(choices=["up", "down"])


class FamilyDeactivateInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)
