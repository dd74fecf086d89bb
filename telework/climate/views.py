from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hrportal.roles import staff_of
from hrportal.views.mixins import ScopedMixin, add_service_errors
from telework.climate.forms import ClimateResponseForm, ClimateRoundForm
from telework.climate.permissions import can_manage_climate, climate_entity_get_visible
from telework.climate.selectors import (
    climate_comparison_chart,
    climate_dimension_chart,
    climate_results,
    climate_round_list,
    has_answered,
)
from telework.climate.services import climate_response_submit, climate_round_create, climate_round_is_open
from telework.models import ClimateRound


def _round(pk) -> ClimateRound:
    try:
        return ClimateRound.objects.get(pk=pk)
    except (ClimateRound.DoesNotExist, ValueError):
        raise Http404 from None


class ClimateIndexView(ScopedMixin, TemplateView):
    template_name = "telework/climate/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rounds = list(climate_round_list())
        me = staff_of(self.request.user)
        open_round = next((r for r in rounds if climate_round_is_open(r)), None)
        context["rounds"] = rounds
        context["open_round"] = open_round
        context["answered"] = open_round is not None and has_answered(round=open_round, staff=me)
        context["can_answer"] = open_round is not None and me is not None and me.is_active
        context["can_manage"] = can_manage_climate(self.request.user)
        if context["can_manage"]:
            context.setdefault("round_form", ClimateRoundForm())
        return context

    def post(self, request, *args, **kwargs):
        if not can_manage_climate(request.user):
            raise Http404
        form = ClimateRoundForm(request.POST)
        if form.is_valid():
            try:
                climate_round_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The survey round was created."))
                return redirect("telework:climate-index")
        return self.render_to_response(self.get_context_data(round_form=form))


class ClimateRespondView(ScopedMixin, TemplateView):
    template_name = "telework/climate/respond.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.survey = _round(kwargs["pk"])
            if staff_of(request.user) is None:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self._context(ClimateResponseForm()))

    def _context(self, form):
        return {
            "survey": self.survey,
            "form": form,
            "is_open": climate_round_is_open(self.survey),
            "answered": has_answered(round=self.survey, staff=staff_of(self.request.user)),
        }

    def post(self, request, *args, **kwargs):
        form = ClimateResponseForm(request.POST)
        if form.is_valid():
            try:
                climate_response_submit(actor=request.user, round_id=self.survey.pk, scores=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, _("Thank you: your answer was stored anonymously."))
                return redirect("telework:climate-index")
        return self.render_to_response(self._context(form))


class ClimateResultsView(ScopedMixin, TemplateView):
    """Maturity across the entities the viewer may see, small groups suppressed."""

    template_name = "telework/climate/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = _round(self.kwargs["pk"])
        results = climate_results(round=survey, viewer=self.request.user)
        context["survey"] = survey
        context["results"] = results
        context["chart"] = climate_comparison_chart(results, _("Overall maturity (1–5)"))
        return context


class ClimateEntityResultsView(ScopedMixin, TemplateView):
    template_name = "telework/climate/entity.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        survey = _round(self.kwargs["pk"])
        entity = climate_entity_get_visible(user=self.request.user, entity_id=self.kwargs["entity_pk"])
        results = climate_results(round=survey, viewer=self.request.user, entity_id=entity.pk)
        row = results["entities"][0] if results["entities"] else None
        context.update(survey=survey, entity=entity, results=results, row=row)
        context["responses"] = row["responses"] if row else sum(r["responses"] for r in results["suppressed"])
        if row:
            context["chart"] = climate_dimension_chart(row, _("Maturity per dimension (1–5)"))
        return context
