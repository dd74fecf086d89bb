from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from leadership.mentoring.models import MentoringMatch, MentoringMeeting


class MeetingSerializer(serializers.ModelSerializer):
    class Meta:
        model = MentoringMeeting
        fields = ["id", "met_on", "topic"]


class MatchSerializer(serializers.ModelSerializer):
    mentor_name = serializers.CharField(source="mentor.staff.full_name", read_only=True)
    mentee_name = serializers.CharField(source="mentee.staff.full_name", read_only=True)
    meetings = MeetingSerializer(many=True, read_only=True)

    class Meta:
        model = MentoringMatch
        fields = [
            "id",
            "mentor",
            "mentor_name",
            "mentee",
            "mentee_name",
            "status",
            "proposed_at",
            "mentor_accepted_at",
            "mentee_accepted_at",
            "closed_on",
            "evaluation",
            "goal_reached",
            "meetings",
        ]


class ProposeInputSerializer(serializers.Serializer):
    mentee = serializers.IntegerField()
    mentor = serializers.IntegerField()


class RespondInputSerializer(serializers.Serializer):
    accept = serializers.BooleanField()


class MeetingInputSerializer(serializers.Serializer):
    met_on = BoundedDateSerializerField()
    topic = serializers.CharField(max_length=200)


class MentoringCloseInputSerializer(serializers.Serializer):
    evaluation = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    goal_reached = serializers.BooleanField(allow_null=True, required=False, default=None)
