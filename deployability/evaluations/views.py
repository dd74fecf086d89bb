"""Pages of insufficient-evaluation cases: HR's list, the case page with its timeline and decisions."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from deployability.evaluations import forms as f
from deployability.evaluations.models import EvaluationCase
from deployability.evaluations.permissions import can_work_case, case_get_visible, works_cases
from deployability.evaluations.selectors import (
    case_figures_per_entity,
    case_list,
    case_service_end,
    case_timeline,
    own_cases,
)
from deployability.evaluations.services import (
    case_close,
    case_decide_dismissal,
    case_dismiss_special,
    case_record_evaluation,
    case_start_guidance,
)
from hrportal.pagination import CountCachingPaginator, request_count_key
from hrportal.roles import hr_entity_ids, sees_everything
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors

Status = EvaluationCase.Status
FIGURES_SECONDS = 60


def _today():
    return timezone.localdate()


class CaseListView(RoleRequiredMixin, TemplateView):
    template_name = "deployability/evaluations/cases.html"

    def allowed(self, user):
        return works_cases(user) or own_cases(viewer=user).exists()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        status = self.request.GET.get("status", "open")
        status = status if status in Status.values or status == "open" else ""
        context["own"] = own_cases(viewer=user)
        if works_cases(user):
            paginator = CountCachingPaginator(
                case_list(viewer=user, status=status or None), 25, count_key=request_count_key(self.request)
            )
            page = paginator.get_page(self.request.GET.get("page"))
            page.is_paginated = paginator.num_pages > 1
            context["page_obj"] = page
            context["cases"] = page.object_list
            entity_ids = None if sees_everything(user) else list(hr_entity_ids(user))  # known to roles, no query
            # Read by the template only when it renders the table: the organisation-wide table (hundreds of
            # entities, a join of every staff row) is kept rendered for a minute, as the core keeps a long
            # list's total; an HR officer's few entities are counted on every view.
            context["figures"] = partial(case_figures_per_entity, entity_ids=entity_ids)
            context["figures_seconds"] = FIGURES_SECONDS if entity_ids is None else 0
            context["figures_scope"] = "all" if entity_ids is None else f"user-{user.pk}"
        context["works"] = works_cases(user)
        context["statuses"] = [
            ("open", _("open")),
            (Status.DECISION, _("Decision pending")),
            (Status.GUIDANCE, _("Guidance")),
            (Status.DISMISSAL_REQUIRED, _("Dismissal mandatory")),
            (Status.CLOSED, _("Closed")),
        ]
        context["status"] = status
        return context


class CaseDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/evaluations/case_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        case = case_get_visible(user=user, case_id=self.kwargs["pk"])
        context["case"] = case
        context["timeline"] = case_timeline(case)
        context["service_end"] = case_service_end(case)
        works = can_work_case(user=user, case=case)
        context["works"] = works
        if works and case.status in (Status.DECISION, Status.GUIDANCE):
            context.setdefault("special_form", f.SpecialDismissalForm(initial={"decided_on": _today()}))
            context.setdefault("evaluation_form", f.EvaluationForm())
        if works and case.status == Status.DECISION:
            context.setdefault("guidance_form", f.GuidanceForm(initial={"started_on": _today()}))
        if works and case.status == Status.DISMISSAL_REQUIRED:
            context.setdefault("dismissal_form", f.MandatoryDismissalForm(initial={"decided_on": _today()}))
        if works and case.status == Status.GUIDANCE:
            context.setdefault("close_form", f.CloseForm(initial={"closed_on": _today()}))
        return context


class _CaseAction(CaseDetailView):
    form_class = None
    form_name = ""

    def perform(self, form):  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        case_get_visible(user=request.user, case_id=kwargs["pk"])
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                message = self.perform(form)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, message)
                return redirect("deployability:evaluations-case-detail", pk=kwargs["pk"])
        return self.render_to_response(self.get_context_data(**{self.form_name: form}), status=400)


class SpecialDismissalView(_CaseAction):
    form_class, form_name = f.SpecialDismissalForm, "special_form"

    def perform(self, form):
        case_dismiss_special(
            actor=self.request.user,
            case_id=self.kwargs["pk"],
            finding=form.cleaned_data["special_circumstances"],
            decided_on=form.cleaned_data["decided_on"],
        )
        return _("The dismissal in special circumstances is recorded.")


class GuidanceView(_CaseAction):
    form_class, form_name = f.GuidanceForm, "guidance_form"

    def perform(self, form):
        case_start_guidance(actor=self.request.user, case_id=self.kwargs["pk"], **form.cleaned_data)
        return _("Guidance has started.")


class EvaluationView(_CaseAction):
    form_class, form_name = f.EvaluationForm, "evaluation_form"

    def perform(self, form):
        case_record_evaluation(actor=self.request.user, case_id=self.kwargs["pk"], **form.cleaned_data)
        return _("The evaluation is recorded.")


class DismissalView(_CaseAction):
    form_class, form_name = f.MandatoryDismissalForm, "dismissal_form"

    def perform(self, form):
        case_decide_dismissal(actor=self.request.user, case_id=self.kwargs["pk"], **form.cleaned_data)
        return _("The dismissal decision is recorded; the case is closed.")


class CloseView(_CaseAction):
    form_class, form_name = f.CloseForm, "close_form"

    def perform(self, form):
        case_close(actor=self.request.user, case_id=self.kwargs["pk"], **form.cleaned_data)
        return _("The case is closed.")
