from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH
from leadership.development.models import Enrolment, OnboardingChecklist, OnboardingItem, Session, Trajectory


class TrajectorySerializer(serializers.ModelSerializer):
    module_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Trajectory
        fields = ["id", "name", "tier", "is_residential", "description", "module_count"]


class LeadershipSessionSerializer(serializers.ModelSerializer):
    module_name = serializers.CharField(source="module.name", read_only=True)
    taken = serializers.IntegerField(read_only=True)

    class Meta:
        model = Session
        fields = ["id", "module", "module_name", "starts_on", "ends_on", "location", "capacity", "taken"]


class EnrolmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="staff.full_name", read_only=True)

    class Meta:
        model = Enrolment
        fields = ["id", "session", "staff", "name", "status", "attendance", "created_at"]


class DecideInputSerializer(serializers.Serializer):
    agree = serializers.BooleanField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class AttendanceInputSerializer(serializers.Serializer):
    attendance = serializers.ChoiceField(choices=[Enrolment.Attendance.ATTENDED, Enrolment.Attendance.ABSENT])


class OnboardingItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = OnboardingItem
        fields = ["id", "kind", "label", "due_on", "done_on"]


class OnboardingSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="staff.full_name", read_only=True)
    items = OnboardingItemSerializer(many=True, read_only=True)

    class Meta:
        model = OnboardingChecklist
        fields = ["id", "staff", "name", "starts_on", "items"]
