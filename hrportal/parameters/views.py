from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from hrportal.parameters.catalogue import CATALOGUE
from hrportal.parameters.forms import ParameterSetForm
from hrportal.parameters.models import PolicyParameter
from hrportal.parameters.selectors import parameter, parameter_reviews
from hrportal.parameters.services import parameter_set
from hrportal.roles import sees_everything
from hrportal.views.mixins import RoleRequiredMixin, add_service_errors


class ParameterListView(RoleRequiredMixin, FormView):
    """Every rule's number, its value today and its history; central HR records a new value from a date."""

    template_name = "hrportal/parameter_list.html"
    form_class = ParameterSetForm

    def allowed(self, user):
        return True  # everyone may read the rules that apply to them; only central HR changes them

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = date.today()
        history: dict = {}
        for row in PolicyParameter.objects.select_related("created_by"):
            history.setdefault(row.key, []).append(row)
        context["parameters"] = [
            {
                "spec": spec,
                "current": parameter(key, on=today) if key in history else spec.default,
                "history": history.get(key, []),
            }
            for key, spec in CATALOGUE.items()
        ]
        context["can_change"] = sees_everything(self.request.user)
        context["reviews"] = parameter_reviews() if context["can_change"] else []
        return context

    def form_valid(self, form):
        if not sees_everything(self.request.user):
            form.add_error(None, _("Only central HR can change policy parameters."))
            return self.form_invalid(form)
        try:
            parameter_set(actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The new value was recorded."))
        return redirect("parameter-list")
