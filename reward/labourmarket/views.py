from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from hrportal.pagination import CountKeyMixin
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from reward.labourmarket.forms import AllowanceEndForm, AllowanceGrantForm, ShortageEndForm, ShortageListingForm
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.labourmarket.permissions import (
    allowance_get_visible,
    can_grant_allowances,
    can_grant_to,
    can_keep_shortage_list,
)
from reward.labourmarket.selectors import allowance_list, own_allowances, shortage_list
from reward.labourmarket.services import allowance_end, allowance_grant, shortage_listing_create, shortage_listing_end

LIST_LIMIT = 200


class LabourMarketHomeView(ScopedMixin, TemplateView):
    """Everyone: their own allowances and the shortage functions in force; HR and central HR: their links."""

    template_name = "reward/labourmarket/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["own"] = own_allowances(viewer=user)
        context["current"] = shortage_list(on=timezone.localdate())
        context["can_grant"] = can_grant_allowances(user)
        context["can_keep_list"] = can_keep_shortage_list(user)
        return context


class ShortageListView(ScopedMixin, TemplateView):
    """The shortage list with its history; central HR adds listings here."""

    template_name = "reward/labourmarket/shortage_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["listings"] = shortage_list()[:LIST_LIMIT]
        context["today"] = timezone.localdate()
        if can_keep_shortage_list(self.request.user):
            context.setdefault("form", ShortageListingForm())
        return context

    def post(self, request):
        if not can_keep_shortage_list(request.user):
            raise Http404
        form = ShortageListingForm(request.POST)
        if form.is_valid():
            try:
                shortage_listing_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The function was put on the shortage list."))
                return redirect("reward:labourmarket-shortage")
        return self.render_to_response(self.get_context_data(form=form))


class ShortageEndView(RoleRequiredMixin, TemplateView):
    template_name = "reward/labourmarket/shortage_end.html"

    def allowed(self, user) -> bool:
        return can_keep_shortage_list(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        listing = get_object_or_404(ShortageFunction.objects.select_related("function"), pk=self.kwargs["pk"])
        context["listing"] = listing
        context["running"] = listing.allowances.filter(end__gte=timezone.localdate()).count()
        context.setdefault("form", ShortageEndForm())
        return context

    def post(self, request, pk):
        form = ShortageEndForm(request.POST)
        get_object_or_404(ShortageFunction, pk=pk)
        if form.is_valid():
            try:
                ended = shortage_listing_end(actor=request.user, listing_id=pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The function leaves the shortage list; %(count)s allowance(s) end on that date.")
                    % {"count": len(ended)},
                )
                return redirect("reward:labourmarket-shortage")
        return self.render_to_response(self.get_context_data(form=form))


class AllowanceListView(RoleRequiredMixin, CountKeyMixin, ListView):
    """HR: the allowances of their entities; central HR: all, a page at a time."""

    template_name = "reward/labourmarket/allowance_list.html"
    context_object_name = "allowances"
    paginate_by = 25

    def allowed(self, user) -> bool:
        return can_grant_allowances(user)

    def get_queryset(self):
        status = self.request.GET.get("status", "")
        self.status = status if status in LabourMarketAllowance.Status.values else ""
        rows = allowance_list(viewer=self.request.user)
        return rows.filter(status=self.status) if self.status else rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = LabourMarketAllowance.Status.choices
        context["status"] = self.status
        context["query_string"] = f"status={self.status}" if self.status else ""
        return context


class AllowanceGrantView(RoleRequiredMixin, TemplateView):
    template_name = "reward/labourmarket/allowance_form.html"

    def allowed(self, user) -> bool:
        return can_grant_allowances(user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": AllowanceGrantForm(initial={"staff": request.GET.get("staff", "")})})

    def post(self, request, *args, **kwargs):
        form = AllowanceGrantForm(request.POST)
        if form.is_valid():
            staff = form.cleaned_data["staff"]
            try:
                if not can_grant_to(user=request.user, staff=staff):
                    raise PermissionDenied
                allowance = allowance_grant(
                    actor=request.user, staff=staff, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
                )
            except PermissionDenied:
                form.add_error("staff", _("No member of staff with this number."))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The labour-market allowance was granted."))
                return redirect("reward:labourmarket-allowance-detail", pk=allowance.pk)
        return self.render_to_response({"form": form})


class AllowanceDetailView(ScopedMixin, TemplateView):
    template_name = "reward/labourmarket/allowance_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        allowance = allowance_get_visible(user=self.request.user, allowance_id=self.kwargs["pk"])
        context["allowance"] = allowance
        context["can_end"] = allowance.status == LabourMarketAllowance.Status.ACTIVE and can_grant_to(
            user=self.request.user, staff=allowance.staff
        )
        if context["can_end"]:
            context.setdefault("form", AllowanceEndForm())
        return context


class AllowanceEndView(ScopedMixin, View):
    def post(self, request, pk):
        allowance = allowance_get_visible(user=request.user, allowance_id=pk)
        if not can_grant_to(user=request.user, staff=allowance.staff):
            raise Http404
        form = AllowanceEndForm(request.POST)
        if form.is_valid():
            try:
                allowance_end(actor=request.user, allowance_id=pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The allowance was ended."))
                return redirect("reward:labourmarket-allowance-detail", pk=pk)
        view = AllowanceDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(form=form))
