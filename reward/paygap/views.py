from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hrportal.i18n_text import localize
from hrportal.reports.services import report_run_request
from hrportal.views.mixins import RoleRequiredMixin, add_service_errors
from reward.paygap.forms import JustificationForm, RunForm
from reward.paygap.permissions import can_see_pay_gap
from reward.paygap.reports import KIND
from reward.paygap.selectors import justifications_for, latest_pay_gap_run, pay_gap_charts
from reward.paygap.services import flagged_entry, justification_record

FLAGGED_PER_PAGE = 25


class PayGapView(RoleRequiredMixin, TemplateView):
    """Central HR: the latest run's headline figures, charts, flagged categories with their justification,
    and a form to run the report for a year. The full table, CSV and XLSX are on the run's report page."""

    template_name = "reward/paygap/index.html"

    def allowed(self, user) -> bool:
        return can_see_pay_gap(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = latest_pay_gap_run(charts=False)
        context["run"] = run
        context.setdefault("form", RunForm(initial={"year": timezone.localdate().year}))
        if run is not None and run.result:
            flagged = run.result["summary"].get("flagged", [])
            summary = localize({key: value for key, value in run.result["summary"].items() if key != "flagged"})
            # A finished run's charts never change: the template keeps them rendered (per run and language)
            # and reads them only when it renders them.
            context["charts"] = lambda: localize(pay_gap_charts(run_id=run.pk))
            context["summary"] = summary
            context["hours_per_year"] = summary["parameters"]["values"].get("reward.paygap.full_time_hours_per_year")
            done = justifications_for(year=int(summary["year"]))
            # Hundreds of categories can be flagged at 100,000 staff: a page of them at a time.
            page = Paginator(flagged, FLAGGED_PER_PAGE).get_page(self.request.GET.get("page"))
            context["page_obj"], context["is_paginated"] = page, page.paginator.num_pages > 1
            context["flagged_count"] = len(flagged)
            context["flagged"] = [
                {**localize(entry), "justification": done.get((entry["scope"], entry["category"]))}
                for entry in page.object_list
            ]
            context["justified_count"] = sum(1 for e in flagged if (e["scope"], e["category"]) in done)
        return context

    def post(self, request):
        form = RunForm(request.POST)
        if form.is_valid():
            run = report_run_request(
                kind=KIND, requested_by=request.user, parameters={"year": form.cleaned_data["year"]}
            )
            messages.success(request, _("The report was requested."))
            return redirect("report-detail", pk=run.pk)
        return self.render_to_response(self.get_context_data(form=form))


class JustificationView(RoleRequiredMixin, TemplateView):
    template_name = "reward/paygap/justify.html"

    def allowed(self, user) -> bool:
        return can_see_pay_gap(user)

    def _entry(self):
        run = latest_pay_gap_run()
        scope = (self.request.GET.get("scope") or self.request.POST.get("scope") or "")[:40]
        category = (self.request.GET.get("category") or self.request.POST.get("category") or "")[:60]
        entry = flagged_entry(run=run, scope=scope, category=category) if run else None
        if entry is None:
            raise Http404
        return run, localize(entry)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run, entry = self._entry()
        existing = justifications_for(year=int(run.result["summary"]["year"])).get((entry["scope"], entry["category"]))
        initial = {"outcome": existing.outcome, "text": existing.text} if existing else {}
        context.update(run=run, entry=entry, existing=existing, summary=run.result["summary"])
        context.setdefault("form", JustificationForm(initial=initial))
        return context

    def post(self, request):
        run, entry = self._entry()
        form = JustificationForm(request.POST)
        if form.is_valid():
            try:
                justification_record(
                    actor=request.user,
                    run_id=run.pk,
                    scope=entry["scope"],
                    category=entry["category"],
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The justification was recorded."))
                return redirect("reward:paygap-index")
        return self.render_to_response(self.get_context_data(form=form))
