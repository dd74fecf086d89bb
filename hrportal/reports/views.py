from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView

from hrportal.reports.forms import ReportRequestForm
from hrportal.reports.models import ReportRun
from hrportal.reports.registry import definition_get
from hrportal.reports.rendering import filter_options, filtered_rows, report_file, result_for_reader
from hrportal.reports.selectors import report_definitions_for, report_run_get_visible, report_runs_visible_to
from hrportal.reports.services import report_run_request, report_run_rerun
from hrportal.views.mixins import ScopedMixin, add_service_errors


class ReportListView(ScopedMixin, FormView):
    template_name = "hrportal/report_list.html"
    form_class = ReportRequestForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "definitions": report_definitions_for(self.request.user)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        definitions = report_definitions_for(self.request.user)
        context["definitions"] = definitions
        titles = {d.kind: d.title for d in definitions}
        runs = list(report_runs_visible_to(self.request.user).select_related("requested_by__staff")[:30])
        for run in runs:
            run.title = titles.get(run.kind, run.kind)
        context["runs"] = runs
        return context

    def form_valid(self, form):
        try:
            run = report_run_request(kind=form.cleaned_data["kind"], requested_by=self.request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The report was requested."))
        return redirect("report-detail", pk=run.pk)


class ReportDetailView(ScopedMixin, DetailView):
    template_name = "hrportal/report_detail.html"
    context_object_name = "run"

    def get_object(self, queryset=None):
        return report_run_get_visible(user=self.request.user, run_id=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["definition"] = definition_get(self.object.kind)
        context["in_progress"] = self.object.status in (ReportRun.Status.QUEUED, ReportRun.Status.RUNNING)
        if self.object.status == ReportRun.Status.DONE and self.object.result:
            # Rendered in the reader's language, whatever the language of whoever ran it.
            result = result_for_reader(self.object)
            rows, applied = filtered_rows(result, {k: v[:40] for k, v in self.request.GET.items() if k != "page"})
            page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("page"))
            query = self.request.GET.copy()
            query.pop("page", None)
            context.update(
                result=result,
                filters=filter_options(result),
                applied=applied,
                page_obj=page,
                is_paginated=page.has_other_pages(),
                rows=page.object_list,
                row_count=len(rows),
                query_string=query.urlencode(),
            )
        return context


ROWS_PER_PAGE = 50


class ReportDownloadView(ScopedMixin, View):
    def get(self, request, pk, fmt):
        run = report_run_get_visible(user=request.user, run_id=pk)
        content, content_type, filename = report_file(run, fmt)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ReportRerunView(ScopedMixin, View):
    """A failed run's page offers to run it again (same report, same parameters)."""

    def post(self, request, pk):
        run = report_run_get_visible(user=request.user, run_id=pk)
        try:
            new_run = report_run_rerun(run_id=run.pk, requested_by=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("report-detail", pk=run.pk)
        messages.success(request, _("The report was requested again."))
        return redirect("report-detail", pk=new_run.pk)
