from rest_framework import serializers

from leadership.models import GenderTarget


class GenderTargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = GenderTarget
        fields = ["id", "year", "tier", "share_percent"]


class GenderTargetInputSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    tier = serializers.ChoiceField(choices=GenderTarget.Tier.choices)
    share_percent = serializers.DecimalField(max_digits=5, decimal_places=1, min_value=0, max_value=100)


class SnapshotResultSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    cells = serializers.IntegerField()


class FigureRowSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True)
    group = serializers.CharField()
    entity = serializers.CharField(allow_blank=True, required=False)
    women = serializers.IntegerField(allow_null=True, help_text="null when suppressed (see hidden)")
    men = serializers.IntegerField(allow_null=True)
    other = serializers.IntegerField(allow_null=True)
    total = serializers.IntegerField(allow_null=True)
    share = serializers.FloatField(allow_null=True)
    hidden = serializers.DictField(child=serializers.CharField(), help_text="cell -> small | complementary")


class FiguresSerializer(serializers.Serializer):
    min_cell_size = serializers.IntegerField()
    tier = FigureRowSerializer(many=True)
    entity = FigureRowSerializer(many=True)
    funnel = FigureRowSerializer(many=True)
    presented = FigureRowSerializer(many=True)
    appointment = FigureRowSerializer(many=True)
