from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH
from reward.paygap.models import PayGapJustification


class PayGapJustificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = PayGapJustification
        fields = [
            "id",
            "year",
            "scope",
            "category",
            "scope_label",
            "category_label",
            "mean_gap",
            "flagged_on",
            "due_on",
            "outcome",
            "text",
            "recorded_at",
        ]


class JustificationInputSerializer(serializers.Serializer):
    run = serializers.IntegerField()
    scope = serializers.CharField(max_length=40)
    category = serializers.CharField(max_length=60)
    outcome = serializers.ChoiceField(choices=PayGapJustification.Outcome.choices)
    text = serializers.CharField(max_length=TEXT_MAX_LENGTH)
