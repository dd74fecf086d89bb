from django.views.generic import ListView

from hrportal.audit.selectors import audit_events_visible_to, can_read_audit
from hrportal.views.mixins import RoleRequiredMixin


class AuditListView(RoleRequiredMixin, ListView):
    template_name = "hrportal/audit_list.html"
    context_object_name = "events"
    paginate_by = 50

    def allowed(self, user):
        return can_read_audit(user)

    def get_queryset(self):
        events = audit_events_visible_to(self.request.user)
        action = self.request.GET.get("action", "").strip()
        if action:
            events = events.filter(action__startswith=action)
        return events
