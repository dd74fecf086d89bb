from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from deployability.reintegration import services
from deployability.reintegration.forms import CaseOpenForm, CloseForm, NotesForm, StepForm, TeamMemberForm
from deployability.reintegration.models import ReintegrationCase
from deployability.reintegration.permissions import (
    can_work_case,
    case_get_visible,
    cases_visible_to,
    is_case_officer,
    sees_medical,
)
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors


class CaseListView(ScopedMixin, ListView):
    """Cases the viewer may see: own, team's (managers), entity's (HR), those they are on the team of."""

    template_name = "deployability/reintegration/case_list.html"
    context_object_name = "cases"
    paginate_by = 25

    def get_queryset(self):
        qs = cases_visible_to(self.request.user).select_related("staff__entity")
        status = self.request.GET.get("status")
        if status in ReintegrationCase.Status.values:
            qs = qs.filter(status=status)
        return qs.order_by("status", "-intake_on", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_open"] = is_case_officer(self.request.user)
        context["statuses"] = ReintegrationCase.Status.choices
        context["status"] = self.request.GET.get("status", "")
        context["query_string"] = f"status={context['status']}" if context["status"] else ""
        return context


class CaseOpenView(RoleRequiredMixin, TemplateView):
    template_name = "deployability/reintegration/case_form.html"

    def allowed(self, user) -> bool:
        return is_case_officer(user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": CaseOpenForm(initial={"intake_on": timezone.localdate()})})

    def post(self, request, *args, **kwargs):
        form = CaseOpenForm(request.POST)
        if form.is_valid():
            try:
                case = services.case_open(actor=request.user, **form.cleaned_data)
            except PermissionDenied:
                form.add_error("staff", _("You cannot open a case for this person: not in your entities."))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The case was opened."))
                return redirect("deployability:reintegration-detail", pk=case.pk)
        return self.render_to_response({"form": form}, status=400)


class CaseDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/reintegration/case_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        case = case_get_visible(user=user, case_id=self.kwargs["pk"])
        context["case"] = case
        context["sees_medical"] = sees_medical(user=user, case=case)
        context["team"] = list(case.team.select_related("staff"))
        context["steps"] = list(case.steps.select_related("function"))
        works = case.status != ReintegrationCase.Status.CLOSED and can_work_case(user=user, case=case)
        context["can_work"] = works
        if works:
            context["notes_form"] = kwargs.get("notes_form") or NotesForm(
                initial={"medical_details": case.medical_details, "shared_summary": case.shared_summary}
            )
            context["step_form"] = kwargs.get("step_form") or StepForm()
            context["team_form"] = kwargs.get("team_form") or TeamMemberForm()
            context["close_form"] = kwargs.get("close_form") or CloseForm(initial={"closed_on": timezone.localdate()})
        return context


FORMS = {"notes": NotesForm, "steps": StepForm, "team": TeamMemberForm, "close": CloseForm}


class CaseActionView(ScopedMixin, View):
    def post(self, request, pk, action):
        if action not in FORMS:
            raise Http404
        case = case_get_visible(user=request.user, case_id=pk)
        if not can_work_case(user=request.user, case=case):
            raise Http404
        form = FORMS[action](request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "notes":
                    services.case_notes_save(actor=request.user, case_id=case.pk, **data)
                    messages.success(request, _("The notes were saved."))
                elif action == "steps":
                    services.step_add(actor=request.user, case_id=case.pk, **data)
                    messages.success(request, _("The step was recorded."))
                elif action == "team":
                    services.team_member_add(actor=request.user, case_id=case.pk, **data)
                    messages.success(request, _("The team member was added."))
                else:
                    services.case_close(actor=request.user, case_id=case.pk, **data)
                    messages.success(request, _("The case was closed."))
                return redirect("deployability:reintegration-detail", pk=case.pk)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                add_service_errors(form, error)
        view = CaseDetailView(request=request, kwargs={"pk": pk})
        key = "step_form" if action == "steps" else f"{action}_form"
        return view.render_to_response(view.get_context_data(**{key: form}), status=400)
