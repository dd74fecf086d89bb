from rest_framework import generics
from rest_framework.exceptions import NotFound

from hrportal.audit import serializers as s
from hrportal.audit.models import AuditEvent
from hrportal.audit.selectors import audit_events_visible_to, can_read_audit


class AuditEventListApi(generics.ListAPIView):
    serializer_class = s.AuditEventSerializer
    filterset_fields = ["action", "staff", "entity"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return AuditEvent.objects.none()
        if not can_read_audit(self.request.user):
            raise NotFound
        return audit_events_visible_to(self.request.user)
