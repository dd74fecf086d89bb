from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from hrportal.audit.selectors import audit_events_described, audit_events_visible_to
from hrportal.models import Entity
from hrportal.models.portfolio import Objective
from hrportal.reports.rendering import result_for_reader
from hrportal.reports.selectors import report_runs_visible_to
from hrportal.reports.services import report_run_request
from hrportal.roles import Role, roles_of, staff_of
from hrportal.selectors.portfolio import portfolio_action_list
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from telework.agreements import services
from telework.agreements.forms import (
    AgreementRequestForm,
    DecisionForm,
    EndForm,
    ExplanationForm,
    OccupancyForm,
    StatusFilterForm,
)
from telework.agreements.permissions import (
    agreement_get_visible,
    can_decide_agreement,
    can_end_agreement,
    can_record_explanation,
    is_owner,
    register_entities_for,
    sees_register,
)
from telework.agreements.reports import INVENTORY_KIND
from telework.agreements.selectors import (
    agreement_history,
    agreement_list,
    agreement_pending_for,
    explanation_history,
    occupancy_for,
    register_for,
    running_on_q,
)
from telework.models import TeleworkAgreement

Status = TeleworkAgreement.Status


class TeleworkHomeView(ScopedMixin, TemplateView):
    """The telework home for each role: own agreements, the team's requests, HR's registers and figures."""

    template_name = "telework/agreements/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        roles = roles_of(user)
        me = staff_of(user)
        today = timezone.localdate()
        context["me"] = me
        context["objective"] = Objective(Objective.WORK_ORGANISATION)
        context["actions"] = portfolio_action_list(objective=Objective.WORK_ORGANISATION)
        if me is not None:
            context["my_agreements"] = list(TeleworkAgreement.objects.filter(staff=me).order_by("-start", "-id")[:5])
            context["current"] = TeleworkAgreement.objects.filter(running_on_q(today), staff=me).first()
        if Role.MANAGER in roles:
            pending = agreement_pending_for(viewer=user)
            context["pending_count"] = pending.count()
            context["pending"] = list(pending[:5])
        context["is_manager"] = Role.MANAGER in roles
        context["sees_register"] = sees_register(user)
        if context["sees_register"]:
            context["deviating_count"] = sum(1 for row in register_for(viewer=user, on=today) if row["deviates"])
        context["sees_inventory"] = bool(roles & {Role.HR, Role.CENTRAL, Role.ADMIN})
        return context


class AgreementListView(ScopedMixin, ListView):
    template_name = "telework/agreements/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = StatusFilterForm(self.request.GET or None)
        status = self.filter_form.cleaned_data.get("status") if self.filter_form.is_valid() else None
        return agreement_list(viewer=self.request.user, status=status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        status = self.request.GET.get("status", "")
        context["query_string"] = f"status={status}" if status else ""
        return context


class AgreementRequestView(ScopedMixin, FormView):
    """Ask for an agreement, or (with ?changes=<id>) for a change of one's approved agreement."""

    template_name = "telework/agreements/agreement_form.html"
    form_class = AgreementRequestForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and staff_of(request.user) is None:
            raise Http404
        self.supersedes = None
        changes = request.GET.get("changes") or request.POST.get("changes")
        if changes and request.user.is_authenticated:
            self.supersedes = agreement_get_visible(user=request.user, agreement_id=changes)
            if not is_owner(user=request.user, agreement=self.supersedes):
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial = super().get_initial()
        old = self.supersedes
        if old is not None:
            initial.update(
                days_per_week=old.days_per_week,
                pattern=old.pattern,
                weekdays=old.weekdays if old.pattern == TeleworkAgreement.Pattern.FIXED else [],
                preferred_day=old.preferred_day,
                end=old.end,
            )
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["supersedes"] = self.supersedes
        context["not_eligible"] = services.telework_eligibility_message(
            staff=staff_of(self.request.user), on=timezone.localdate()
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            agreement = services.telework_agreement_request(
                actor=self.request.user,
                days_per_week=data["days_per_week"],
                pattern=data["pattern"],
                weekdays=data["weekdays"],
                preferred_day=data["preferred_day"],
                start=data["start"],
                end=data["end"],
                motivation=data["motivation"],
                supersedes_id=self.supersedes.pk if self.supersedes else None,
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
            if data["pattern"] == TeleworkAgreement.Pattern.FIXED:
                form.errors.pop("preferred_day", None)  # not asked for fixed weekdays: the weekdays error says it
            return self.form_invalid(form)
        manager = agreement.staff.line_manager
        if manager is not None:
            messages.success(
                self.request,
                _("Your request was sent to %(name)s, your line manager, who decides on it.")
                % {"name": manager.full_name},
            )
        else:
            messages.success(self.request, _("Your request waits for a decision by HR: you have no line manager."))
        return redirect("telework:agreement-detail", pk=agreement.pk)


class AgreementDetailView(ScopedMixin, TemplateView):
    template_name = "telework/agreements/agreement_detail.html"

    def get_agreement(self):
        return agreement_get_visible(user=self.request.user, agreement_id=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = kwargs.get("agreement") or self.get_agreement()
        user = self.request.user
        context["agreement"] = agreement
        context["history"] = agreement_history(agreement=agreement)
        context["events"] = audit_events_described(
            audit_events_visible_to(user).filter(
                target_type__app_label="telework", target_type__model="teleworkagreement", target_id=str(agreement.pk)
            )[:20]
        )
        pending = agreement.status == Status.REQUESTED
        context["can_decide"] = pending and can_decide_agreement(user=user, agreement=agreement)
        if context["can_decide"]:
            context["cap"] = services.telework_cap_preview(agreement=agreement)
        context["can_withdraw"] = pending and is_owner(user=user, agreement=agreement)
        context["can_end"] = agreement.status == Status.APPROVED and can_end_agreement(user=user, agreement=agreement)
        context["can_change"] = agreement.status == Status.APPROVED and is_owner(user=user, agreement=agreement)
        context["decision_form"] = kwargs.get("decision_form") or DecisionForm()
        context["end_form"] = kwargs.get("end_form") or EndForm(
            initial={"end": max(timezone.localdate(), agreement.start)}
        )
        return context


class AgreementActionView(ScopedMixin, View):
    """POST approve / refuse / withdraw / end: the service decides; errors show on the detail page."""

    def post(self, request, pk, action):
        agreement = agreement_get_visible(user=request.user, agreement_id=pk)
        view = AgreementDetailView(request=request, kwargs={"pk": pk})
        decision_form, end_form = None, None
        try:
            if action in ("approve", "refuse"):
                decision_form = DecisionForm(request.POST)
                if not decision_form.is_valid():
                    raise ValidationError(decision_form.errors)
                reason = decision_form.cleaned_data["reason"]
                if action == "approve":
                    services.telework_agreement_approve(agreement_id=agreement.pk, actor=request.user, reason=reason)
                    messages.success(request, _("The agreement was approved."))
                else:
                    services.telework_agreement_refuse(agreement_id=agreement.pk, actor=request.user, reason=reason)
                    messages.success(request, _("The request was refused."))
            elif action == "withdraw":
                services.telework_agreement_withdraw(agreement_id=agreement.pk, actor=request.user)
                messages.success(request, _("Your request was withdrawn."))
            elif action == "end":
                end_form = EndForm(request.POST)
                if not end_form.is_valid():
                    return view.render_to_response(
                        view.get_context_data(agreement=agreement, end_form=end_form), status=400
                    )
                services.telework_agreement_end(
                    agreement_id=agreement.pk,
                    actor=request.user,
                    end=end_form.cleaned_data["end"],
                    reason=end_form.cleaned_data["reason"],
                )
                messages.success(request, _("The agreement was ended."))
            else:
                raise Http404
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form = end_form if action == "end" else (decision_form or DecisionForm(request.POST))
            add_service_errors(form, error)
            agreement = agreement_get_visible(user=request.user, agreement_id=pk)
            context = view.get_context_data(
                agreement=agreement,
                decision_form=form if action != "end" else None,
                end_form=form if action == "end" else None,
            )
            context["failed_action"] = action
            return view.render_to_response(context, status=400)
        if action in ("approve", "refuse") and request.POST.get("next") == "approvals":
            return redirect("telework:approvals")
        return redirect("telework:agreement-detail", pk=agreement.pk)


class ApprovalListView(RoleRequiredMixin, ListView):
    template_name = "telework/agreements/approval_list.html"
    context_object_name = "agreements"
    paginate_by = 25

    def allowed(self, user):
        return Role.MANAGER in roles_of(user)

    def get_queryset(self):
        return agreement_pending_for(viewer=self.request.user)


class OccupancyView(ScopedMixin, TemplateView):
    """Expected presence per weekday against the desks (the office-space norm)."""

    template_name = "telework/agreements/occupancy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = OccupancyForm(self.request.GET or None)
        on = (form.cleaned_data.get("on") if form.is_valid() else None) or timezone.localdate()
        context["form"] = form if form.is_bound else OccupancyForm(initial={"on": on})
        context["occupancy"] = occupancy_for(viewer=self.request.user, on=on)
        return context


class RegisterView(RoleRequiredMixin, TemplateView):
    """Comply or explain: which entities deviate from telework as the starting point, and why."""

    template_name = "telework/agreements/register.html"

    def allowed(self, user):
        return sees_register(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = register_for(viewer=self.request.user, on=timezone.localdate())
        context["rows"] = rows
        context["deviating"] = [row for row in rows if row["deviates"]]
        return context


class RegisterEntityView(RoleRequiredMixin, FormView):
    template_name = "telework/agreements/register_entity.html"
    form_class = ExplanationForm

    def allowed(self, user):
        return sees_register(user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            try:
                self.entity = register_entities_for(request.user).get(pk=kwargs["pk"])
            except Entity.DoesNotExist:
                raise Http404 from None
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"effective_from": timezone.localdate(), "applies_telework": True}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["entity"] = self.entity
        context["history"] = explanation_history(entity=self.entity)
        context["can_record"] = can_record_explanation(user=self.request.user, entity=self.entity)
        return context

    def form_valid(self, form):
        try:
            services.telework_explanation_record(entity_id=self.entity.pk, actor=self.request.user, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The comply-or-explain record was saved."))
        return redirect("telework:register-entity", pk=self.entity.pk)


class InventoryView(RoleRequiredMixin, TemplateView):
    """The latest telework inventory run with its charts and downloads; run it again on demand."""

    template_name = "telework/agreements/inventory.html"

    def allowed(self, user):
        return bool(roles_of(user) & {Role.HR, Role.CENTRAL, Role.ADMIN})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        runs = report_runs_visible_to(self.request.user).filter(kind=INVENTORY_KIND).order_by("-created_at", "-id")
        latest = runs.first()
        done = (
            runs.model.objects.filter(kind=INVENTORY_KIND, status=runs.model.Status.DONE)
            .order_by("-finished_at", "-id")
            .defer("csv_file", "xlsx_file")
            .first()
        )
        context["latest"] = latest
        context["run"] = done
        context["result"] = result_for_reader(done) if done else None  # in the reader's language
        return context

    def post(self, request):
        run = report_run_request(kind=INVENTORY_KIND, requested_by=request.user)
        messages.success(request, _("The telework inventory was requested."))
        return redirect("report-detail", pk=run.pk)
