from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from hrportal.roles import staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from mobility.international import forms as f
from mobility.international import permissions as perms
from mobility.international import selectors as sel
from mobility.international import services as svc
from mobility.models import ExternalApplicant, MobilityApplication

Status = MobilityApplication.Status


class NavMixin:
    """The part's navigation shows external mobility to HR only."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["nav_is_hr"] = perms.is_hr(self.request.user)
        return context


class OverviewView(NavMixin, ScopedMixin, TemplateView):
    template_name = "mobility/international/overview.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        today = timezone.localdate()
        context = super().get_context_data(**kwargs)
        context["open_calls"] = list(sel.call_list(viewer=user, open_on=today)[:10])
        me = staff_of(user)
        context["my_applications"] = (
            list(sel.application_list(viewer=user).filter(staff=me)[:10]) if me is not None else []
        )
        context["awaiting_manager"] = sel.applications_awaiting_manager(viewer=user).count()
        context["awaiting_host"] = sel.applications_awaiting_host(viewer=user).count()
        context["is_hr"] = perms.is_hr(user)
        context["can_manage"] = perms.can_manage_calls(user)
        return context


class CallListView(NavMixin, ScopedMixin, ListView):
    template_name = "mobility/international/call_list.html"
    context_object_name = "calls"
    paginate_by = 25

    def get_queryset(self):
        return sel.call_list(viewer=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = perms.can_manage_calls(self.request.user)
        context["today"] = timezone.localdate()
        return context


class CallCreateView(NavMixin, RoleRequiredMixin, FormView):
    template_name = "mobility/international/call_form.html"
    form_class = f.CallForm

    def allowed(self, user):
        return perms.can_manage_calls(user)

    def form_valid(self, form):
        try:
            call = svc.call_create(actor=self.request.user, kind=form.cleaned_data["kind"], **form.call_values())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The call was opened."))
        return redirect("mobility:intl-call-detail", pk=call.pk)


class CallUpdateView(NavMixin, RoleRequiredMixin, FormView):
    template_name = "mobility/international/call_form.html"
    form_class = f.CallForm

    def allowed(self, user):
        return perms.can_manage_calls(user)

    def dispatch(self, request, *args, **kwargs):
        self.call = perms.call_get_visible(user=request.user, call_id=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["kind"].disabled = True  # the kind decides the default limits; it does not change
        return form

    def get_initial(self):
        call = self.call
        return {
            "title": call.title,
            "kind": call.kind,
            "description": call.description,
            "opens_on": call.opens_on,
            "closes_on": call.closes_on,
            "eligible_levels": list(call.eligible_levels),
            "min_months": call.min_months,
            "max_months": call.max_months,
            "hosts": "\n".join(call.hosts.order_by("name").values_list("name", flat=True)),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(call=self.call, **kwargs)

    def form_valid(self, form):
        try:
            svc.call_update(actor=self.request.user, call_id=self.call.pk, **form.call_values())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The call was changed."))
        return redirect("mobility:intl-call-detail", pk=self.call.pk)


class CallDetailView(NavMixin, ScopedMixin, TemplateView):
    """The call, its hosts, the applications the viewer may see, and the application form for staff."""

    template_name = "mobility/international/call_detail.html"

    def get_context_data(self, form=None, **kwargs):
        user = self.request.user
        call = perms.call_get_visible(user=user, call_id=self.kwargs["pk"])
        today = timezone.localdate()
        me = staff_of(user)
        context = super().get_context_data(**kwargs)
        context["call"] = call
        context["can_manage"] = perms.can_manage_calls(user)
        context["hosts"] = list(call.hosts.all())
        context["is_open"] = call.opens_on <= today <= call.closes_on
        context["applications"] = sel.application_list(viewer=user, call_id=call.pk)[:100]
        mine = None
        if me is not None:
            mine = (
                sel.application_list(viewer=user, call_id=call.pk)
                .filter(staff=me, status__in=MobilityApplication.OPEN_STATUSES)
                .first()
            )
        context["mine"] = mine
        context["may_apply"] = me is not None and mine is None and context["is_open"]
        context["eligible"] = me is not None and me.level in call.eligible_levels
        if context["may_apply"]:
            context["form"] = form or f.ApplicationForm(call=call)
        earliest, latest = svc.stay_bounds(call=call, start=today)
        context["example"] = {"start": today, "earliest": earliest, "latest": latest}
        return context

    def post(self, request, *args, **kwargs):
        call = perms.call_get_visible(user=request.user, call_id=self.kwargs["pk"])
        if staff_of(request.user) is None:
            raise Http404
        form = f.ApplicationForm(request.POST, call=call)
        if form.is_valid():
            data = form.cleaned_data
            try:
                application = svc.application_submit(
                    actor=request.user,
                    call_id=call.pk,
                    start=data["start"],
                    end=data["end"],
                    host_id=data["host"].pk if data["host"] else None,
                    motivation=data["motivation"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your application was sent to your manager."))
                return redirect("mobility:intl-application-detail", pk=application.pk)
        return self.render_to_response(self.get_context_data(form=form))


class ApplicationListView(NavMixin, ScopedMixin, ListView):
    template_name = "mobility/international/application_list.html"
    context_object_name = "applications"
    paginate_by = 25

    def get_queryset(self):
        user = self.request.user
        self.waiting = self.request.GET.get("waiting", "")
        status = self.request.GET.get("status") or None
        if status not in Status.values:
            status = None
        self.status = status
        applications = sel.application_list(viewer=user, status=status)
        if self.waiting == "manager":
            applications = applications.filter(pk__in=sel.applications_awaiting_manager(viewer=user).values("pk"))
        elif self.waiting == "host":
            applications = applications.filter(pk__in=sel.applications_awaiting_host(viewer=user).values("pk"))
        return applications

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Status.choices
        context["current_status"] = self.status or ""
        context["waiting"] = self.waiting
        query = []
        if self.status:
            query.append(f"status={self.status}")
        if self.waiting in ("manager", "host"):
            query.append(f"waiting={self.waiting}")
        context["query_string"] = "&".join(query)
        return context


class ApplicationDetailView(NavMixin, ScopedMixin, TemplateView):
    template_name = "mobility/international/application_detail.html"

    def application(self):
        if not hasattr(self, "_application"):
            self._application = perms.application_get_visible(user=self.request.user, application_id=self.kwargs["pk"])
        return self._application

    def get_context_data(self, **forms):
        user = self.request.user
        application = self.application()
        context = super().get_context_data()
        context["application"] = application
        context["claims"] = list(application.claims.all())
        status = application.status
        if status == Status.SUBMITTED and perms.can_decide_as_manager(user=user, application=application):
            context["manager_form"] = forms.get("manager_form") or f.ManagerDecisionForm()
        if status in (Status.AWAITING_HOST, Status.COUNTERPART_SOUGHT) and perms.can_record_host_decision(
            user=user, application=application
        ):
            context["host_form"] = forms.get("host_form") or f.HostDecisionForm()
        if status == Status.HOST_APPROVED and perms.can_file_claim(user=user, application=application):
            context["claim_form"] = forms.get("claim_form") or f.ClaimForm(initial={"claim_date": timezone.localdate()})
        context["may_withdraw"] = status in (
            Status.SUBMITTED,
            Status.AWAITING_HOST,
            Status.COUNTERPART_SOUGHT,
        ) and perms.can_withdraw(user=user, application=application)
        context["totals"] = {
            "claimed": sum((c.amount for c in context["claims"]), start=0),
            "reimbursed": sum((c.reimbursed_amount for c in context["claims"]), start=0),
        }
        return context

    ACTIONS = {
        "manager": ("manager_form", f.ManagerDecisionForm),
        "host": ("host_form", f.HostDecisionForm),
        "claim": ("claim_form", f.ClaimForm),
    }

    def post(self, request, *args, **kwargs):
        application = self.application()
        action = request.POST.get("action", "")
        if action == "withdraw":
            return self._run(lambda: svc.application_withdraw(actor=request.user, application_id=application.pk))
        if action not in self.ACTIONS:
            raise Http404
        name, form_class = self.ACTIONS[action]
        form = form_class(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if action == "manager":
                call = lambda: svc.application_manager_decide(  # noqa: E731
                    actor=request.user,
                    application_id=application.pk,
                    agree=data["decision"] == "agree",
                    reason=data["reason"],
                )
            elif action == "host":
                call = lambda: svc.application_host_decide(  # noqa: E731
                    actor=request.user, application_id=application.pk, outcome=data["outcome"], note=data["note"]
                )
            else:
                call = lambda: svc.expense_claim_file(  # noqa: E731
                    actor=request.user,
                    application_id=application.pk,
                    kind=data["kind"],
                    claim_date=data["claim_date"],
                    amount=data["amount"],
                    description=data["description"],
                )
            response = self._run(call, form=form)
            if response is not None:
                return response
        return self.render_to_response(self.get_context_data(**{name: form}))

    def _run(self, call, form=None):
        try:
            call()
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            if form is None:
                messages.error(self.request, " ".join(error.messages))
                return redirect("mobility:intl-application-detail", pk=self.application().pk)
            add_service_errors(form, error)
            return None
        messages.success(self.request, _("Saved."))
        return redirect("mobility:intl-application-detail", pk=self.application().pk)


class TotalsView(NavMixin, ScopedMixin, TemplateView):
    template_name = "mobility/international/totals.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = sel.claim_totals_per_call(viewer=self.request.user)
        context["rows"] = rows
        context["grand"] = {
            key: sum((row[key] for row in rows), start=0) for key in ("claimed", "reimbursed", "own_share", "claims")
        }
        return context


# --- external mobility ------------------------------------------------------------------------------
class HrOnlyMixin(RoleRequiredMixin):
    def allowed(self, user):
        return perms.is_hr(user)


class CentralOnlyMixin(RoleRequiredMixin):
    def allowed(self, user):
        return perms.can_manage_external(user)


class VacancyListView(NavMixin, HrOnlyMixin, ListView):
    template_name = "mobility/international/vacancy_list.html"
    context_object_name = "vacancies"
    paginate_by = 25

    def get_queryset(self):
        return sel.vacancy_list(viewer=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = perms.can_manage_external(self.request.user)
        return context


class VacancyCreateView(NavMixin, CentralOnlyMixin, FormView):
    template_name = "mobility/international/vacancy_form.html"
    form_class = f.VacancyForm

    def form_valid(self, form):
        try:
            vacancy = svc.vacancy_create(actor=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The vacancy is open to external mobility."))
        return redirect("mobility:ext-vacancy-detail", pk=vacancy.pk)


class VacancyDetailView(NavMixin, HrOnlyMixin, TemplateView):
    template_name = "mobility/international/vacancy_detail.html"

    def get_context_data(self, applicant_form=None, selection_forms=None, **kwargs):
        user = self.request.user
        vacancy = perms.vacancy_get_visible(user=user, vacancy_id=self.kwargs["pk"])
        context = super().get_context_data(**kwargs)
        context["vacancy"] = vacancy
        applicants = list(vacancy.applicants.all())
        context["can_manage"] = perms.can_manage_external(user)
        selection_forms = selection_forms or {}
        for applicant in applicants:
            if context["can_manage"] and applicant.selection == ExternalApplicant.Selection.PENDING:
                applicant.form = selection_forms.get(applicant.pk) or f.SelectionForm(
                    prefix=f"sel{applicant.pk}", initial={"selection_date": timezone.localdate()}
                )
        context["applicants"] = applicants
        if context["can_manage"] and vacancy.status == vacancy.Status.OPEN:
            context["applicant_form"] = applicant_form or f.ExternalApplicantForm()
        return context

    def post(self, request, *args, **kwargs):
        if not perms.can_manage_external(request.user):
            raise Http404
        vacancy = perms.vacancy_get_visible(user=request.user, vacancy_id=self.kwargs["pk"])
        action = request.POST.get("action")
        back = redirect("mobility:ext-vacancy-detail", pk=vacancy.pk)
        if action == "close":
            try:
                svc.vacancy_close(actor=request.user, vacancy_id=vacancy.pk)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return back
        if action == "applicant":
            form = f.ExternalApplicantForm(request.POST)
            if form.is_valid():
                try:
                    svc.external_applicant_record(actor=request.user, vacancy_id=vacancy.pk, **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The applicant was recorded."))
                    return back
            return self.render_to_response(self.get_context_data(applicant_form=form))
        if action == "selection":
            applicant = perms.applicant_get_visible(user=request.user, applicant_id=request.POST.get("applicant"))
            if applicant.vacancy_id != vacancy.pk:
                raise Http404
            form = f.SelectionForm(request.POST, prefix=f"sel{applicant.pk}")
            if form.is_valid():
                try:
                    svc.external_selection_record(
                        actor=request.user,
                        applicant_id=applicant.pk,
                        passed=form.cleaned_data["outcome"] == "passed",
                        selection_date=form.cleaned_data["selection_date"],
                        note=form.cleaned_data["note"],
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The outcome of the selection was recorded."))
                    return back
            return self.render_to_response(self.get_context_data(selection_forms={applicant.pk: form}))
        raise Http404


# --- detachments ------------------------------------------------------------------------------------
class DetachmentListView(NavMixin, ScopedMixin, ListView):
    template_name = "mobility/international/detachment_list.html"
    context_object_name = "detachments"
    paginate_by = 25

    def get_queryset(self):
        return sel.detachment_list(viewer=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["today"] = today
        context["totals"] = sel.detachment_totals(viewer=self.request.user, on=today)
        context["can_manage"] = perms.can_manage_detachments(self.request.user)
        return context


class DetachmentCreateView(NavMixin, RoleRequiredMixin, FormView):
    template_name = "mobility/international/detachment_form.html"
    form_class = f.DetachmentForm

    def allowed(self, user):
        return perms.can_manage_detachments(user)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        data.pop("personnel_number")
        try:
            svc.detachment_register(actor=self.request.user, staff_id=form.staff_id, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The detachment was added to the register."))
        return redirect(reverse("mobility:detachment-list"))
