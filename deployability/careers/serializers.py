from rest_framework import serializers

from deployability.careers.models import ProjectLeaderAppointment, PromotionApplication, PromotionPost
from hrportal.inputs import MAX_ID, TEXT_MAX_LENGTH, BoundedDateSerializerField


class PostSerializer(serializers.ModelSerializer):
    entity_name = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = PromotionPost
        fields = ["id", "title", "function", "grade", "entity", "entity_name", "description", "opens_on", "closes_on"]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = PromotionApplication
        fields = ["id", "post", "staff", "employment_type", "motivation", "status", "created_at"]
        read_only_fields = fields


class PromotionApplyInputSerializer(serializers.Serializer):
    motivation = serializers.CharField(required=False, allow_blank=True, default="", max_length=TEXT_MAX_LENGTH)


class AppointmentSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    employment_type = serializers.CharField(source="staff.employment_type", read_only=True)

    class Meta:
        model = ProjectLeaderAppointment
        fields = ["id", "staff", "staff_name", "employment_type", "project", "start", "end"]
        read_only_fields = fields


class AppointInputSerializer(serializers.Serializer):
    staff = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    project = serializers.CharField(max_length=200)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField(required=False, allow_null=True, default=None)


class PathFunctionSerializer(serializers.Serializer):
    function = serializers.IntegerField(source="function.pk")
    name = serializers.CharField(source="function.name")
    family = serializers.CharField(source="function.family.name")
    function_class = serializers.IntegerField(source="function.function_class")
    path = serializers.CharField()
    required = serializers.IntegerField()
    met = serializers.IntegerField()
    fits = serializers.BooleanField()
