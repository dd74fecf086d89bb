from rest_framework import serializers

from hrportal.audit.models import AuditEvent


class AuditEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor.username", default=None)
    target_type = serializers.CharField(source="target_type.model")

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "occurred_at",
            "actor",
            "action",
            "target_type",
            "target_id",
            "target_repr",
            "staff",
            "entity",
            "before",
            "after",
            "parameters",
            "note",
        ]
