from rest_framework import serializers

from hrportal.i18n_text import localize
from hrportal.reports.models import ReportRun


class ReportRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportRun
        fields = ["id", "kind", "status", "progress", "created_at", "started_at", "finished_at", "error"]


class ReportRunDetailSerializer(ReportRunSerializer):
    # In the language of the request (Dutch unless the client's account or cookie chose English).
    result = serializers.SerializerMethodField()

    class Meta(ReportRunSerializer.Meta):
        fields = [*ReportRunSerializer.Meta.fields, "result"]

    def get_result(self, run) -> dict:
        return localize(run.result or {})


class ReportRunRequestSerializer(serializers.Serializer):
    kind = serializers.CharField(max_length=50)
