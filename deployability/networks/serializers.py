from rest_framework import serializers

from deployability.networks.models import PRACTICE_TEXT_MAX_LENGTH, LearningNetwork, NetworkSession, SharedPractice


class NetworkSerializer(serializers.ModelSerializer):
    member_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = LearningNetwork
        fields = ["id", "name", "theme", "description", "member_count"]
        read_only_fields = fields


class SessionSerializer(serializers.ModelSerializer):
    taken = serializers.IntegerField(read_only=True)

    class Meta:
        model = NetworkSession
        fields = ["id", "network", "title", "on", "place", "capacity", "taken"]
        read_only_fields = fields


class PracticeSerializer(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.full_name", read_only=True)

    class Meta:
        model = SharedPractice
        fields = ["id", "network", "title", "text", "author_name", "file_name", "file_size", "created_at"]
        read_only_fields = fields


class PracticeInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    text = serializers.CharField(max_length=PRACTICE_TEXT_MAX_LENGTH)
    file = serializers.FileField(required=False, allow_null=True, default=None)


class NetworkInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    theme = serializers.ChoiceField(choices=LearningNetwork.Theme.choices)
    description = serializers.CharField(
        max_length=PRACTICE_TEXT_MAX_LENGTH, required=False, allow_blank=True, default=""
    )


class SessionInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    on = serializers.DateField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(min_value=1, max_value=1000)
