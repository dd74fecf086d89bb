from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from hrportal.scoping import can_work_hr_case, hr_entities_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from leadership.selection.forms import AppointForm, CandidateForm, ProbationEvaluationForm, SelectionForm
from leadership.selection.models import Candidate, Selection
from leadership.selection.permissions import (
    can_evaluate_probation,
    can_run_selections,
    probation_get_visible,
    selection_get_visible,
)
from leadership.selection.selectors import (
    Duration,
    probation_bounds,
    probation_list,
    required_experience_days,
    selection_list,
)
from leadership.selection.services import candidate_add, candidate_appoint, probation_evaluate, selection_create

LIST_LIMIT = 100


class SelectionListView(RoleRequiredMixin, TemplateView):
    template_name = "leadership/selection/list.html"

    def allowed(self, user) -> bool:
        return can_run_selections(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["selections"] = selection_list(viewer=self.request.user)[:LIST_LIMIT]
        context["required_years"] = required_experience_days(on=timezone.localdate()) // 365
        context["probation_bounds"] = probation_bounds(on=timezone.localdate())
        return context


class SelectionCreateView(RoleRequiredMixin, TemplateView):
    template_name = "leadership/form_page.html"

    def allowed(self, user) -> bool:
        return can_run_selections(user)

    def _render(self, form):
        return self.render_to_response(
            {
                "form": form,
                "title": _("Open a middle-management selection"),
                "submit_label": _("Open selection"),
                "cancel_url": reverse("leadership:selection-index"),
            }
        )

    def get(self, request, *args, **kwargs):
        return self._render(SelectionForm(entities=hr_entities_of(request.user)))

    def post(self, request, *args, **kwargs):
        form = SelectionForm(request.POST, entities=hr_entities_of(request.user))
        if form.is_valid():
            try:
                created = selection_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The selection is open."))
                return redirect("leadership:selection-detail", pk=created.pk)
        return self._render(form)


class SelectionDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/selection/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selection = selection_get_visible(user=self.request.user, selection_id=self.kwargs["pk"])
        context["selection"] = selection
        candidates = list(selection.candidates.select_related("staff", "probation").order_by("id"))
        context["candidates"] = candidates
        context["is_open"] = selection.status == Selection.Status.OPEN
        context["admissible"] = admissible = [c for c in candidates if c.status == Candidate.Status.ADMISSIBLE]
        context.setdefault("candidate_form", CandidateForm())
        context.setdefault("appoint_form", AppointForm(candidates=admissible))
        context["required_years"] = required_experience_days(on=selection.opens_on) // 365
        context["probation_bounds"] = probation_bounds(on=timezone.localdate())
        return context


class CandidateAddView(ScopedMixin, View):
    def post(self, request, pk):
        selection = selection_get_visible(user=request.user, selection_id=pk)
        form = CandidateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            staff = data["staff"]
            if staff is not None and not can_work_hr_case(user=request.user, staff=staff):
                form.add_error("staff", _("No member of staff with this number."))
            else:
                try:
                    candidate = candidate_add(
                        actor=request.user,
                        selection_id=selection.pk,
                        staff=staff,
                        external_name=data["external_name"],
                        external_email=data["external_email"],
                        experience=None
                        if data["experience_years"] is None
                        else Duration(
                            data["experience_years"], data["experience_months"] or 0, data["experience_days"] or 0
                        ),
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                except PermissionDenied:
                    raise Http404 from None
                else:
                    if candidate.status == Candidate.Status.ADMISSIBLE:
                        messages.success(request, _("The candidate is admissible."))
                    else:
                        messages.warning(request, _("The candidate lacks the required relevant experience."))
                    return redirect("leadership:selection-detail", pk=pk)
        view = SelectionDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(candidate_form=form))


class CandidateAppointView(ScopedMixin, View):
    def post(self, request, pk):
        selection = selection_get_visible(user=request.user, selection_id=pk)
        admissible = selection.candidates.filter(status=Candidate.Status.ADMISSIBLE).select_related("staff")
        form = AppointForm(request.POST, candidates=admissible)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                probation = candidate_appoint(actor=request.user, candidate_id=data.pop("candidate"), **data)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, _("The candidate is appointed; the probation and onboarding have started."))
                return redirect("leadership:selection-probation-detail", pk=probation.pk)
        view = SelectionDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(appoint_form=form))


class ProbationListView(ScopedMixin, TemplateView):
    template_name = "leadership/selection/probations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["probations"] = probation_list(viewer=self.request.user)[:LIST_LIMIT]
        context["today"] = timezone.localdate()
        return context


class ProbationDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/selection/probation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        probation = probation_get_visible(user=self.request.user, probation_id=self.kwargs["pk"])
        context["probation"] = probation
        context["can_evaluate"] = probation.outcome == probation.Outcome.PENDING and can_evaluate_probation(
            user=self.request.user, probation=probation
        )
        if context["can_evaluate"]:
            context.setdefault("form", ProbationEvaluationForm(initial={"evaluated_on": timezone.localdate()}))
        return context

    def post(self, request, pk):
        probation = probation_get_visible(user=request.user, probation_id=pk)
        if not can_evaluate_probation(user=request.user, probation=probation):
            raise Http404
        form = ProbationEvaluationForm(request.POST)
        if form.is_valid():
            try:
                probation_evaluate(actor=request.user, probation_id=pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The evaluation of the probation is recorded."))
                return redirect("leadership:selection-probation-detail", pk=pk)
        return self.render_to_response(self.get_context_data(form=form))
