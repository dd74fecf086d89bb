from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from telework.climate.models import Dimension
from telework.models import ClimateRound


class ClimateRoundSerializer(serializers.ModelSerializer):
    response_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = ClimateRound
        fields = ["id", "year", "opens_on", "closes_on", "response_count"]


class ClimateRoundInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    opens_on = BoundedDateSerializerField()
    closes_on = BoundedDateSerializerField()


class ClimateResponseInputSerializer(serializers.Serializer):
    autonomy = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.AUTONOMY.label))
    trust = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.TRUST.label))
    collaboration = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.COLLABORATION.label))
    digital = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.DIGITAL.label))
    learning = serializers.IntegerField(min_value=1, max_value=5, help_text=str(Dimension.LEARNING.label))


class ScoresSerializer(serializers.Serializer):
    autonomy = serializers.FloatField()
    trust = serializers.FloatField()
    collaboration = serializers.FloatField()
    digital = serializers.FloatField()
    learning = serializers.FloatField()


class ClimateEntityResultSerializer(serializers.Serializer):
    entity_id = serializers.IntegerField()
    entity = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    responses = serializers.IntegerField()
    overall = serializers.FloatField()
    scores = ScoresSerializer()


class ClimateTotalSerializer(serializers.Serializer):
    responses = serializers.IntegerField()
    overall = serializers.FloatField()
    scores = ScoresSerializer()


class ClimateResultsSerializer(serializers.Serializer):
    round = serializers.IntegerField(source="round.pk")
    year = serializers.IntegerField(source="round.year")
    min_cell_size = serializers.IntegerField()
    entities = ClimateEntityResultSerializer(many=True)
    suppressed_entities = serializers.SerializerMethodField()
    total = ClimateTotalSerializer(allow_null=True)

    def get_suppressed_entities(self, obj) -> int:
        return len(obj["suppressed"])
