from rest_framework import serializers

from hrportal.reports.models import ReportRun


class ReportRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportRun
        fields = ["id", "kind", "status", "progress", "created_at", "started_at", "finished_at", "error"]


class ReportRunDetailSerializer(ReportRunSerializer):
    class Meta(ReportRunSerializer.Meta):
        fields = [*ReportRunSerializer.Meta.fields, "result"]


class ReportRunRequestSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=50)
