from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from hrportal.reports.models import ReportRun
from hrportal.reports.rendering import result_for_reader
from hrportal.reports.selectors import report_run_get_visible, report_runs_visible_to
from hrportal.reports.services import report_run_request
from hrportal.views.mixins import RoleRequiredMixin, add_service_errors
from leadership.models import GenderTarget
from leadership.monitoring.forms import GenderTargetForm
from leadership.monitoring.permissions import can_manage_monitoring, can_see_monitoring
from leadership.monitoring.reports import GENDER_MONITORING, HEADCOUNT
from leadership.monitoring.selectors import latest_snapshot_summary
from leadership.monitoring.services import gender_target_save, snapshot_take

KINDS = {GENDER_MONITORING.kind: GENDER_MONITORING, HEADCOUNT.kind: HEADCOUNT}
SECTIONS = ["tier", "entity", "funnel", "presented", "appointment"]
MARKERS = {"small": "*", "complementary": "**"}


class MonitoringAccessMixin(RoleRequiredMixin):
    def allowed(self, user) -> bool:
        return can_see_monitoring(user)


class MonitoringView(MonitoringAccessMixin, TemplateView):
    """Central HR's monitoring desk: yearly snapshots, targets, and the two reports."""

    template_name = "leadership/monitoring/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["snapshots"] = latest_snapshot_summary()
        context["current_year"] = timezone.localdate().year
        context["targets"] = GenderTarget.objects.order_by("-year", "tier")[:40]
        context.setdefault("form", GenderTargetForm(initial={"year": timezone.localdate().year}))
        context["runs"] = list(
            report_runs_visible_to(self.request.user).filter(kind__in=list(KINDS)).order_by("-created_at")[:10]
        )
        for run in context["runs"]:
            run.title = KINDS[run.kind].title
        context["definitions"] = list(KINDS.values())
        context["can_manage"] = can_manage_monitoring(self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        form = GenderTargetForm(request.POST)
        if form.is_valid():
            try:
                gender_target_save(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The target was saved."))
                return redirect("leadership:monitoring-index")
        return self.render_to_response(self.get_context_data(form=form))


class SnapshotTakeView(MonitoringAccessMixin, View):
    def post(self, request):
        try:
            cells = snapshot_take(actor=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("This year's snapshot was taken (%(cells)s cells).") % {"cells": cells})
        return redirect("leadership:monitoring-index")


class ReportRequestView(MonitoringAccessMixin, View):
    def post(self, request, kind):
        if kind not in KINDS:
            raise Http404
        try:
            run = report_run_request(kind=kind, requested_by=request.user)
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The report was requested."))
        return redirect("leadership:monitoring-run", pk=run.pk)


def _cells(row: dict, keys: list[str]) -> list[dict]:
    hidden = row.get("_hidden") or {}
    cells = []
    for key in keys:
        reason = hidden.get(key)
        cells.append({"value": row.get(key), "marker": MARKERS.get(reason), "reason": reason})
    return cells


class MonitoringRunView(MonitoringAccessMixin, TemplateView):
    """A monitoring or headcount run, section by section, with suppressed cells marked and a legend."""

    template_name = "leadership/monitoring/run.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = report_run_get_visible(user=self.request.user, run_id=self.kwargs["pk"])
        if run.kind not in KINDS:
            raise Http404
        context["run"] = run
        context["definition"] = KINDS[run.kind]
        context["in_progress"] = run.status in (ReportRun.Status.QUEUED, ReportRun.Status.RUNNING)
        if run.status != ReportRun.Status.DONE or not run.result:
            return context
        result = result_for_reader(run)
        context["result"] = result
        context["summary"] = result.get("summary", {})
        if run.kind == GENDER_MONITORING.kind:
            year = self.request.GET.get("year", "")[:4]
            sections = []
            for key in SECTIONS:
                rows = [r for r in result["rows"] if r.get("_section") == key]
                if key == "entity":
                    years = sorted({r["year"] for r in rows}, reverse=True)
                    context["entity_years"] = years
                    chosen = int(year) if year.isdigit() and int(year) in years else (years[0] if years else None)
                    context["entity_year"] = chosen
                    rows = [r for r in rows if r["year"] == chosen]
                if not rows:
                    continue
                keys = ["year", "group", "entity", "women", "men", "other", "total", "share", "target"]
                if key not in ("tier",):
                    keys.remove("target")
                if key not in ("tier", "entity"):
                    keys.remove("entity")
                if key == "appointment":
                    keys = ["year", "total", "women", "men", "share"]
                labels = dict((k, label) for k, label in result["columns"])
                if key == "appointment":
                    labels.update(
                        total=_("Cases with a woman in the final round"),
                        women=_("A woman appointed"),
                        men=_("A man appointed"),
                        share=_("Rate (%)"),
                    )
                sections.append(
                    {
                        "key": key,
                        "title": rows[0]["section"],
                        "columns": [labels[k] for k in keys],
                        "rows": [_cells(r, keys) for r in rows],
                    }
                )
            context["sections"] = sections
            context["any_hidden"] = any(c["marker"] for s in sections for r in s["rows"] for c in r)
        else:
            keys = [k for k, _label in result["columns"]]
            latest = result["summary"].get("latest_year")
            rows = [r for r in result["rows"] if r.get("year") == latest or r.get("change") is not None]
            context["headcount_columns"] = [label for _key, label in result["columns"]]
            context["headcount_rows"] = [_cells(r, keys) for r in rows]
        return context
