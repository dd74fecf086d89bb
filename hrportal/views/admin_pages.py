from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView

from ..forms import ParameterSetForm
from ..models import PolicyParameter
from ..parameters import CATALOGUE, parameter, parameter_set
from ..roles import sees_everything
from ..selectors.audit import audit_events_visible_to, can_read_audit
from .mixins import RoleRequiredMixin, add_service_errors


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


def healthz(request):
    """Database and broker status, for the load balancer and the operators."""
    from django.conf import settings

    status = {"database": "ok", "broker": "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # health checks report, they do not raise
        status["database"] = f"error: {exc.__class__.__name__}"
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        from ..celery import app

        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
        except Exception as exc:
            status["broker"] = f"error: {exc.__class__.__name__}"
    healthy = all(value in ("ok", "eager") for value in status.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **status}, status=200 if healthy else 503)
