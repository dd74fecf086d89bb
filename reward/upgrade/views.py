from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from hrportal.roles import staff_of
from hrportal.scoping import staff_visible_to
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from reward.upgrade.forms import EndEarlyForm, ExtendForm, GrantForm
from reward.upgrade.models import UpgradeAllowance
from reward.upgrade.permissions import allowance_get_visible, can_decide_upgrades, can_grant_upgrade
from reward.upgrade.selectors import (
    allowance_expiring,
    allowance_list,
    allowance_periods,
    expiry_notice_days,
    publication_current,
    published_list,
)
from reward.upgrade.services import upgrade_allowance_end_early, upgrade_allowance_extend, upgrade_allowance_grant


class AllowanceListView(ScopedMixin, ListView):
    """Staff: their own allowances; managers and HR: their team's and entities' as well."""

    template_name = "reward/upgrade/list.html"
    context_object_name = "allowances"
    paginate_by = 25

    def get_queryset(self):
        return allowance_list(viewer=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_decide"] = can_decide_upgrades(self.request.user)
        context["me"] = staff_of(self.request.user)
        return context


class GrantView(RoleRequiredMixin, TemplateView):
    template_name = "reward/upgrade/grant.html"

    def allowed(self, user) -> bool:
        return can_decide_upgrades(user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": GrantForm(initial={"holder": request.GET.get("holder", "")})})

    def post(self, request, *args, **kwargs):
        form = GrantForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            holder = data["holder"]
            if not staff_visible_to(request.user).filter(pk=holder.pk).exists():
                form.add_error("holder", _("No member of staff with this number."))
            else:
                try:
                    allowance = upgrade_allowance_grant(actor=request.user, **data)
                except PermissionDenied:
                    form.add_error("holder", _("You cannot grant an allowance to this person."))
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The function-upgrade allowance was granted."))
                    return redirect("reward:upgrade-detail", pk=allowance.pk)
        return self.render_to_response({"form": form})


class AllowanceDetailView(ScopedMixin, TemplateView):
    template_name = "reward/upgrade/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        allowance = allowance_get_visible(user=self.request.user, allowance_id=self.kwargs["pk"])
        context["allowance"] = allowance
        context["periods"] = periods = list(allowance_periods(allowance=allowance))
        live = [p for p in periods if not p.cancelled]
        context["last_end"] = live[-1].end if live else None
        decides = allowance.status == UpgradeAllowance.Status.ACTIVE and can_grant_upgrade(
            user=self.request.user, staff=allowance.holder
        )
        context["decides"] = decides
        if decides:
            context.setdefault("extend_form", ExtendForm())
            context.setdefault("end_form", EndEarlyForm(initial={"ended_on": timezone.localdate()}))
        return context


class _DecisionView(ScopedMixin, View):
    form_class = None
    form_name = ""

    def service(self, request, pk, data):  # pragma: no cover - overridden
        raise NotImplementedError

    def post(self, request, pk):
        allowance = allowance_get_visible(user=request.user, allowance_id=pk)
        if not can_grant_upgrade(user=request.user, staff=allowance.holder):
            raise Http404
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.service(request, pk, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                return redirect("reward:upgrade-detail", pk=pk)
        view = AllowanceDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(**{self.form_name: form}))


class ExtendView(_DecisionView):
    form_class, form_name = ExtendForm, "extend_form"

    def service(self, request, pk, data):
        upgrade_allowance_extend(actor=request.user, allowance_id=pk, end=data["end"])
        messages.success(request, _("The allowance was extended."))


class EndEarlyView(_DecisionView):
    form_class, form_name = EndEarlyForm, "end_form"

    def service(self, request, pk, data):
        upgrade_allowance_end_early(actor=request.user, allowance_id=pk, **data)
        messages.success(request, _("The allowance was ended."))


class ExpiringView(RoleRequiredMixin, TemplateView):
    """Managers and HR: the allowances they decide on that end within the notice days."""

    template_name = "reward/upgrade/expiring.html"

    def allowed(self, user) -> bool:
        return can_decide_upgrades(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["days"] = expiry_notice_days(today=today)
        context["allowances"] = allowance_expiring(viewer=self.request.user, today=today)[:200]
        context["today"] = today
        return context


class PublishedListView(ScopedMixin, ListView):
    """The yearly published list: every signed-in user reads it; only what the statute makes public."""

    template_name = "reward/upgrade/published.html"
    context_object_name = "holders"
    paginate_by = 50

    def get_queryset(self):
        self.publication = publication_current()
        return published_list(publication=self.publication)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["publication"] = self.publication
        return context
