from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from deployability.leave import services
from deployability.leave.forms import DecisionForm, LeaveRequestForm
from deployability.leave.permissions import (
    can_decide_leave,
    is_owner,
    leave_request_get_visible,
    leave_requests_visible_to,
    sees_team_calendar,
)
from deployability.leave.selectors import balances_for, leave_pending_for, leave_rights_active, my_leave, team_calendar
from hrportal.audit.selectors import audit_events_described, audit_events_visible_to
from hrportal.inputs import query_year
from hrportal.roles import Role, roles_of, staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors

LIST_LIMIT = 50


def _year(request) -> int:
    try:
        return query_year(request.GET.get("year"), default=timezone.localdate().year)
    except ValidationError:
        return timezone.localdate().year


class LeaveHomeView(ScopedMixin, TemplateView):
    """Own balances and requests; the manager's queue and calendar; HR's list."""

    template_name = "deployability/leave/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        me = staff_of(user)
        year = _year(self.request)
        context["year"] = year
        context["me"] = me
        if me is not None:
            context["balances"] = balances_for(staff=me, year=year)
            context["my_requests"] = list(my_leave(viewer=user)[:LIST_LIMIT])
        roles = roles_of(user)
        context["is_manager"] = Role.MANAGER in roles
        if context["is_manager"]:
            context["pending_count"] = leave_pending_for(viewer=user).count()
        context["sees_list"] = bool(roles & {Role.HR, Role.CENTRAL, Role.ADMIN, Role.MANAGER})
        return context


class LeaveRightsView(ScopedMixin, ListView):
    template_name = "deployability/leave/rights.html"
    context_object_name = "rights"

    def get_queryset(self):
        return leave_rights_active()


class LeaveRequestCreateView(ScopedMixin, TemplateView):
    template_name = "deployability/leave/request_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and staff_of(request.user) is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": LeaveRequestForm(initial={"right": request.GET.get("right")})})

    def post(self, request, *args, **kwargs):
        form = LeaveRequestForm(request.POST)
        if form.is_valid():
            try:
                leave = services.leave_request_create(actor=request.user, **form.cleaned_data)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                manager = leave.staff.line_manager
                if manager is not None:
                    messages.success(
                        request,
                        _("Your request was sent to %(name)s, your line manager, who decides on it.")
                        % {"name": manager.full_name},
                    )
                else:
                    messages.success(request, _("Your request waits for a decision by HR: you have no line manager."))
                return redirect("deployability:leave-detail", pk=leave.pk)
        return self.render_to_response({"form": form}, status=400)


class LeaveRequestDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/leave/request_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        leave = kwargs.get("leave") or leave_request_get_visible(user=user, request_id=self.kwargs["pk"])
        context["leave"] = leave
        pending = leave.status == leave.Status.REQUESTED
        context["can_decide"] = pending and can_decide_leave(user=user, leave=leave)
        owner = is_owner(user=user, leave=leave)
        context["can_withdraw"] = owner and (
            pending or (leave.status == leave.Status.APPROVED and leave.start > timezone.localdate())
        )
        if context["can_decide"]:
            context["balances"] = [
                b for b in balances_for(staff=leave.staff, year=leave.start.year) if b.right.pk == leave.right_id
            ]
        context["decision_form"] = kwargs.get("decision_form") or DecisionForm()
        context["events"] = audit_events_described(
            audit_events_visible_to(user).filter(
                target_type__app_label="deployability", target_type__model="leaverequest", target_id=str(leave.pk)
            )[:20]
        )
        return context


class LeaveRequestActionView(ScopedMixin, View):
    """POST approve / refuse / withdraw: the service decides; errors show on the detail page."""

    def post(self, request, pk, action):
        leave = leave_request_get_visible(user=request.user, request_id=pk)
        form = DecisionForm(request.POST)
        try:
            if action in ("approve", "refuse"):
                if not form.is_valid():
                    raise ValidationError(form.errors)
                reason = form.cleaned_data["reason"]
                if action == "approve":
                    services.leave_request_approve(request_id=leave.pk, actor=request.user, reason=reason)
                    messages.success(request, _("The leave was approved."))
                else:
                    services.leave_request_refuse(request_id=leave.pk, actor=request.user, reason=reason)
                    messages.success(request, _("The request was refused."))
            elif action == "withdraw":
                services.leave_request_withdraw(request_id=leave.pk, actor=request.user)
                messages.success(request, _("Your request was withdrawn."))
            else:
                raise Http404
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form = DecisionForm(request.POST)
            form.is_valid()
            add_service_errors(form, error)
            view = LeaveRequestDetailView(request=request, kwargs={"pk": pk})
            leave = leave_request_get_visible(user=request.user, request_id=pk)
            return view.render_to_response(view.get_context_data(leave=leave, decision_form=form), status=400)
        return redirect("deployability:leave-detail", pk=leave.pk)


class LeaveApprovalsView(RoleRequiredMixin, ListView):
    template_name = "deployability/leave/approvals.html"
    context_object_name = "requests"
    paginate_by = 25

    def allowed(self, user) -> bool:
        return Role.MANAGER in roles_of(user)

    def get_queryset(self):
        return leave_pending_for(viewer=self.request.user)


class LeaveRequestListView(ScopedMixin, ListView):
    """Every request the viewer may see (a manager's team, an HR officer's entities), newest first."""

    template_name = "deployability/leave/request_list.html"
    context_object_name = "requests"
    paginate_by = 25

    def get_queryset(self):
        qs = leave_requests_visible_to(self.request.user).select_related("staff__entity", "right")
        status = self.request.GET.get("status")
        if status in dict(qs.model.Status.choices):
            qs = qs.filter(status=status)
        return qs.order_by("-start", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = self.get_queryset().model.Status.choices
        context["status"] = self.request.GET.get("status", "")
        context["query_string"] = f"status={context['status']}" if context["status"] else ""
        return context


def _month(value: str | None) -> date:
    today = timezone.localdate()
    if value:
        try:
            year, month = (int(part) for part in value.split("-", 1))
            if 1 <= month <= 12 and abs(year - today.year) <= 10:
                return date(year, month, 1)
        except (TypeError, ValueError):
            pass
    return today.replace(day=1)


class TeamCalendarView(RoleRequiredMixin, TemplateView):
    """A month of the team's leave, a list per working day (reads at 320 px)."""

    template_name = "deployability/leave/calendar.html"

    def allowed(self, user) -> bool:
        return sees_team_calendar(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first = _month(self.request.GET.get("month"))
        previous = (first.replace(day=1) - timedelta(days=1)).replace(day=1)
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        context["month"] = first
        context["previous"] = previous.strftime("%Y-%m")
        context["next"] = following.strftime("%Y-%m")
        context["days"] = [
            d for d in team_calendar(viewer=self.request.user, year=first.year, month=first.month) if not d.is_weekend
        ]
        return context
