import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views import View
from django.views.generic import ListView

from hrportal.audit.forms import AuditFilterForm
from hrportal.audit.selectors import audit_events_described, audit_events_filtered, can_read_audit
from hrportal.reports.exports import safe_cell
from hrportal.roles import hr_entity_ids, sees_everything
from hrportal.views.mixins import RoleRequiredMixin

EXPORT_LIMIT = 10_000  # rows in one export; narrow the filters for more


class _AuditFilterMixin(RoleRequiredMixin):
    def allowed(self, user):
        return can_read_audit(user)

    def filter_form(self) -> AuditFilterForm:
        user = self.request.user
        entity_ids = None if sees_everything(user) else hr_entity_ids(user)
        return AuditFilterForm(self.request.GET or None, entity_ids=entity_ids)

    def filtered_events(self, form):
        filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
        if form.is_bound and not form.is_valid():
            return audit_events_filtered(viewer=self.request.user, filters={}).none()
        return audit_events_filtered(viewer=self.request.user, filters=filters)


class AuditListView(_AuditFilterMixin, ListView):
    template_name = "hrportal/audit_list.html"
    context_object_name = "events"
    paginate_by = 50

    def get_queryset(self):
        self.form = self.filter_form()
        return self.filtered_events(self.form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["described"] = audit_events_described(context["events"])
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        context["filtered"] = any(v for k, v in self.request.GET.items() if k != "page")
        return context


class AuditExportView(_AuditFilterMixin, View):
    """The filtered trail as CSV in the reader's language (semicolons and decimal commas for Dutch Excel)."""

    def get(self, request):
        form = self.filter_form()
        events = self.filtered_events(form)[:EXPORT_LIMIT]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow(
            [
                _("When"),
                _("Decided by"),
                _("Decision"),
                _("Person concerned"),
                _("Entity"),
                pgettext("audit", "Record"),
                _("What changed"),
                _("Note"),
                _("Rule values used"),
            ]
        )
        for row in audit_events_described(events.select_related("staff", "entity")):
            event = row["event"]
            changes = "; ".join(f"{c['label']}: {_arrow(c['before'], c['after'])}" for c in row["changes"])
            parameters = "; ".join(f"{p['label']}: {p['value']}" for p in row["parameters"])
            writer.writerow(
                [
                    safe_cell(value)
                    for value in (
                        timezone.localtime(event.occurred_at).strftime("%Y-%m-%d %H:%M"),
                        row["actor"] or "",
                        row["label"],
                        event.staff.full_name if event.staff else "",
                        event.entity.name if event.entity else "",
                        row["record"],
                        changes,
                        event.note,
                        parameters,
                    )
                ]
            )
        response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
        return response


def _arrow(before, after) -> str:
    return f"{'—' if before is None else before} → {'—' if after is None else after}"
