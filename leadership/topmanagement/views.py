from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from hrportal.reports.exports import table_to_csv
from hrportal.roles import staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from leadership.models import Mandate, Registration, TopCandidate
from leadership.topmanagement.forms import (
    AnnualEvaluationForm,
    CandidateForm,
    MandateEvaluationForm,
    MandateForm,
    RegistrationForm,
    SessionCancelForm,
    SessionForm,
    VacancyForm,
)
from leadership.topmanagement.permissions import (
    annual_evaluations_visible_to,
    can_manage_top,
    can_register,
    mandate_get_visible,
    mandates_visible_to,
    session_get_visible,
    vacancy_get_managed,
)
from leadership.topmanagement.selectors import (
    candidates_of,
    ending_horizon,
    mailing_list,
    mailing_unsubscribe_staff_id,
    mailing_unsubscribe_url,
    mandate_list,
    mandates_ending,
    on_mailing_list,
    registrations_of,
    session_list,
    vacancy_list,
)
from leadership.topmanagement.services import (
    annual_evaluation_record,
    candidate_save,
    mailing_unsubscribe,
    mandate_create,
    mandate_end,
    mandate_evaluate,
    mandate_renew,
    registration_cancel,
    registration_create,
    session_attendance_record,
    session_cancel,
    session_create,
    vacancy_close,
    vacancy_create,
)

LIST_LIMIT = 50


class CentralOnlyMixin(RoleRequiredMixin):
    def allowed(self, user) -> bool:
        return can_manage_top(user)


class TopHomeView(ScopedMixin, TemplateView):
    """Each role's entry: central HR's desk, a top official's own mandate, everyone's panel events."""

    template_name = "leadership/topmanagement/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        context["manages"] = manages = can_manage_top(user)
        if manages:
            context["ending_count"] = mandates_ending(today=today).count()
            context["months"] = ending_horizon(today=today)[0]
        context["own_mandates"] = mandates_visible_to(user).filter(official=staff_of(user)) if staff_of(user) else []
        context["sessions"] = session_list(viewer=user).filter(held_on__gte=today)[:10]
        context["my_registrations"] = registrations_of(viewer=user)[:LIST_LIMIT]
        me = staff_of(user)
        context["on_mailing_list"] = me is not None and on_mailing_list(staff_id=me.pk)
        return context


class MandateListView(CentralOnlyMixin, ListView):
    template_name = "leadership/topmanagement/mandate_list.html"
    context_object_name = "mandates"
    paginate_by = 25

    def get_queryset(self):
        self.status = self.request.GET.get("status", "")[:10]
        return mandate_list(status=self.status)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = Mandate.Status.choices
        context["status"] = self.status
        context["query_string"] = f"status={self.status}" if self.status else ""
        return context


class MandateEndingView(CentralOnlyMixin, TemplateView):
    template_name = "leadership/topmanagement/mandates_ending.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["months"], context["until"] = ending_horizon(today=today)
        context["mandates"] = mandates_ending(today=today)[:200]
        return context


class MandateCreateView(CentralOnlyMixin, TemplateView):
    template_name = "leadership/topmanagement/form_page.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": MandateForm(), "title": _("Record a mandate")})

    def post(self, request, *args, **kwargs):
        form = MandateForm(request.POST)
        if form.is_valid():
            try:
                mandate = mandate_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The mandate was recorded."))
                return redirect("leadership:top-mandate-detail", pk=mandate.pk)
        return self.render_to_response({"form": form, "title": _("Record a mandate")})


class MandateDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/topmanagement/mandate_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        mandate = mandate_get_visible(user=user, mandate_id=self.kwargs["pk"])
        context["mandate"] = mandate
        context["evaluation"] = getattr(mandate, "end_evaluation", None)
        context["manages"] = manages = can_manage_top(user)
        running = mandate.status == Mandate.Status.ACTIVE
        if manages and running and context["evaluation"] is None:
            context.setdefault("evaluation_form", MandateEvaluationForm(initial={"evaluated_on": timezone.localdate()}))
        context["can_renew"] = manages and running and context["evaluation"] is not None
        context["can_end"] = manages and running
        context["annual"] = annual_evaluations_visible_to(user).filter(official=mandate.official).order_by("-year")[:20]
        context["chain"] = list(Mandate.objects.filter(official=mandate.official).order_by("start"))
        return context


class _MandateActionView(ScopedMixin, View):
    def _mandate(self, request, pk):
        mandate = mandate_get_visible(user=request.user, mandate_id=pk)
        if not can_manage_top(request.user):
            raise Http404
        return mandate


class MandateEvaluateView(_MandateActionView):
    def post(self, request, pk):
        self._mandate(request, pk)
        form = MandateEvaluationForm(request.POST)
        if form.is_valid():
            try:
                mandate_evaluate(actor=request.user, mandate_id=pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The end-of-mandate evaluation was recorded."))
                return redirect("leadership:top-mandate-detail", pk=pk)
        view = MandateDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(evaluation_form=form))


class MandateRenewView(_MandateActionView):
    def post(self, request, pk):
        self._mandate(request, pk)
        try:
            renewal = mandate_renew(actor=request.user, mandate_id=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("leadership:top-mandate-detail", pk=pk)
        messages.success(request, _("The mandate was renewed."))
        return redirect("leadership:top-mandate-detail", pk=renewal.pk)


class MandateEndView(_MandateActionView):
    def post(self, request, pk):
        self._mandate(request, pk)
        try:
            mandate_end(actor=request.user, mandate_id=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The mandate was ended."))
        return redirect("leadership:top-mandate-detail", pk=pk)


class AnnualEvaluationListView(CentralOnlyMixin, TemplateView):
    template_name = "leadership/topmanagement/evaluations.html"

    def _render(self, form):
        evaluations = annual_evaluations_visible_to(self.request.user).select_related("official")
        return self.render_to_response(
            {"form": form, "evaluations": evaluations.order_by("-year", "official__last_name")[:100]}
        )

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        return self._render(AnnualEvaluationForm(initial={"year": today.year, "evaluated_on": today}))

    def post(self, request, *args, **kwargs):
        form = AnnualEvaluationForm(request.POST)
        if form.is_valid():
            try:
                annual_evaluation_record(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The annual evaluation was recorded."))
                return redirect("leadership:top-evaluations")
        return self._render(form)


class MyTopView(ScopedMixin, TemplateView):
    """A top official's own mandates and annual evaluations."""

    template_name = "leadership/topmanagement/mine.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        me = staff_of(self.request.user)
        context["mandates"] = Mandate.objects.filter(official=me).select_related("entity") if me else []
        context["evaluations"] = annual_evaluations_visible_to(self.request.user).filter(official=me) if me else []
        return context


class VacancyListView(CentralOnlyMixin, TemplateView):
    template_name = "leadership/topmanagement/vacancies.html"

    def _render(self, form):
        return self.render_to_response({"form": form, "vacancies": vacancy_list()[:100]})

    def get(self, request, *args, **kwargs):
        return self._render(VacancyForm(initial={"year": timezone.localdate().year}))

    def post(self, request, *args, **kwargs):
        form = VacancyForm(request.POST)
        if form.is_valid():
            try:
                vacancy = vacancy_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The vacancy was opened."))
                return redirect("leadership:top-vacancy-detail", pk=vacancy.pk)
        return self._render(form)


class VacancyDetailView(ScopedMixin, TemplateView):
    """The funnel of one vacancy: candidates with stage and outcome; central HR adds and updates them."""

    template_name = "leadership/topmanagement/vacancy_detail.html"

    def _render(self, request, pk, form):
        vacancy = vacancy_get_managed(user=request.user, vacancy_id=pk)
        return self.render_to_response({"vacancy": vacancy, "candidates": candidates_of(vacancy=vacancy), "form": form})

    def get(self, request, pk):
        return self._render(request, pk, CandidateForm())

    def post(self, request, pk):
        vacancy_get_managed(user=request.user, vacancy_id=pk)
        form = CandidateForm(request.POST)
        if form.is_valid():
            try:
                candidate_save(actor=request.user, vacancy_id=pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The candidate was saved."))
                return redirect("leadership:top-vacancy-detail", pk=pk)
        return self._render(request, pk, form)


class VacancyCloseView(ScopedMixin, View):
    def post(self, request, pk):
        vacancy_get_managed(user=request.user, vacancy_id=pk)
        try:
            vacancy_close(actor=request.user, vacancy_id=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The vacancy was closed."))
        return redirect("leadership:top-vacancy-detail", pk=pk)


class CandidateEditView(ScopedMixin, TemplateView):
    template_name = "leadership/topmanagement/form_page.html"

    def _candidate(self, request, pk) -> TopCandidate:
        if not can_manage_top(request.user):
            raise Http404
        candidate = TopCandidate.objects.select_related("vacancy").filter(pk=pk).first()
        if candidate is None:
            raise Http404
        return candidate

    def _context(self, candidate, form):
        return {
            "form": form,
            "title": _("Candidate: %(name)s") % {"name": candidate.name},
            "back": ("leadership:top-vacancy-detail", candidate.vacancy_id),
        }

    def get(self, request, pk):
        candidate = self._candidate(request, pk)
        form = CandidateForm(
            initial={
                "name": candidate.name,
                "gender": candidate.gender,
                "stage": candidate.stage,
                "outcome": candidate.outcome,
            }
        )
        return self.render_to_response(self._context(candidate, form))

    def post(self, request, pk):
        candidate = self._candidate(request, pk)
        form = CandidateForm(request.POST)
        if form.is_valid():
            try:
                candidate_save(
                    actor=request.user, vacancy_id=candidate.vacancy_id, candidate_id=pk, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The candidate was saved."))
                return redirect("leadership:top-vacancy-detail", pk=candidate.vacancy_id)
        return self.render_to_response(self._context(candidate, form))


class SessionListView(ScopedMixin, TemplateView):
    """Sessions the viewer may see (panel events: everyone; intervision and network: top officials);
    central HR plans them."""

    template_name = "leadership/topmanagement/sessions.html"

    def _render(self, form):
        user = self.request.user
        return self.render_to_response(
            {"sessions": session_list(viewer=user)[:100], "form": form, "manages": can_manage_top(user)}
        )

    def get(self, request, *args, **kwargs):
        return self._render(SessionForm() if can_manage_top(request.user) else None)

    def post(self, request, *args, **kwargs):
        if not can_manage_top(request.user):
            raise Http404
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                session = session_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session was planned."))
                return redirect("leadership:top-session-detail", pk=session.pk)
        return self._render(form)


class SessionDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/topmanagement/session_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        session = session_get_visible(user=user, session_id=self.kwargs["pk"])
        me = staff_of(user)
        registrations = Registration.objects.filter(session=session)
        context["session"] = session
        context["taken"] = taken = registrations.count()
        context["mine"] = registrations.filter(staff=me).first() if me else None
        context["upcoming"] = upcoming = session.held_on >= timezone.localdate()
        context["can_register"] = (
            upcoming
            and context["mine"] is None
            and taken < session.capacity
            and session.cancelled_on is None
            and can_register(user=user, session=session)
        )
        context.setdefault("form", RegistrationForm())
        context["manages"] = manages = can_manage_top(user)
        if manages:
            context["registrations"] = registrations.select_related("staff", "staff__entity")[:500]
            context["opted_in"] = registrations.filter(mailing_opt_in=True).count()
            context["attended"] = registrations.filter(attended=True).count()
            active = session.cancelled_on is None
            context["can_cancel"] = active and upcoming
            context["can_record_attendance"] = active and session.held_on <= timezone.localdate()
            context.setdefault("cancel_form", SessionCancelForm())
        return context


class SessionRegisterView(ScopedMixin, View):
    def post(self, request, pk):
        session_get_visible(user=request.user, session_id=pk)
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                registration_create(
                    actor=request.user, session_id=pk, mailing_opt_in=form.cleaned_data["mailing_opt_in"]
                )
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("You are registered."))
                return redirect("leadership:top-session-detail", pk=pk)
        view = SessionDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(form=form))


class RegistrationCancelView(ScopedMixin, View):
    def post(self, request, pk):
        registration = Registration.objects.filter(pk=pk).select_related("staff").first()
        if registration is None:
            raise Http404
        try:
            registration_cancel(actor=request.user, registration_id=pk)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The registration was cancelled."))
        return redirect("leadership:top-session-detail", pk=registration.session_id)


class MailingListCsvView(CentralOnlyMixin, View):
    """The mailing list (registrants of panel events who opted in), as CSV; spreadsheet formulas neutralised."""

    def get(self, request, *args, **kwargs):
        session = None
        if request.GET.get("session"):
            session = session_get_visible(user=request.user, session_id=request.GET["session"][:12])
        columns = [
            ("first_name", _("First name")),
            ("last_name", _("Last name")),
            ("email", _("E-mail")),
            ("entity", _("Entity")),
            ("events", _("Panel events")),
            ("unsubscribe_url", _("Link to leave the mailing list")),
        ]
        rows = [
            {
                "first_name": r["staff__first_name"],
                "last_name": r["staff__last_name"],
                "email": r["staff__email"],
                "entity": r["staff__entity__name"],
                "events": r["events"],
                "unsubscribe_url": mailing_unsubscribe_url(staff_id=r["staff_id"]),
            }
            for r in mailing_list(session=session)
        ]
        response = HttpResponse(table_to_csv(columns, rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mailing-list.csv"'
        return response


class SessionCancelView(CentralOnlyMixin, View):
    def post(self, request, pk):
        session_get_visible(user=request.user, session_id=pk)
        form = SessionCancelForm(request.POST)
        if form.is_valid():
            try:
                session_cancel(actor=request.user, session_id=pk, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session was cancelled; the registrants are told by e-mail."))
                return redirect("leadership:top-session-detail", pk=pk)
        view = SessionDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(cancel_form=form))


class SessionAttendanceView(CentralOnlyMixin, View):
    def post(self, request, pk):
        session_get_visible(user=request.user, session_id=pk)
        chosen = [value for value in request.POST.getlist("attended")[:10000] if value.isdigit() and len(value) < 12]
        try:
            count = session_attendance_record(actor=request.user, session_id=pk, attended=map(int, chosen))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Attendance recorded: %(n)s attended.") % {"n": count})
        return redirect("leadership:top-session-detail", pk=pk)


class MailingLeaveView(ScopedMixin, View):
    """The page toggle: a signed-in person takes themselves off the mailing list."""

    def post(self, request):
        me = staff_of(request.user)
        if me is None:
            raise Http404
        mailing_unsubscribe(staff_id=me.pk, actor=request.user)
        messages.success(request, _("You are no longer on the mailing list."))
        return redirect("leadership:top-index")


class MailingUnsubscribeView(TemplateView):
    """The signed link in a mail: no sign-in needed, the token names the person. GET asks, POST acts, so a
    mail scanner that follows links unsubscribes nobody."""

    template_name = "leadership/topmanagement/unsubscribe.html"

    def _staff_id(self) -> int:
        staff_id = mailing_unsubscribe_staff_id(token=self.kwargs["token"])
        if staff_id is None:
            raise Http404
        return staff_id

    def get(self, request, *args, **kwargs):
        self._staff_id()
        return self.render_to_response({"done": False})

    def post(self, request, *args, **kwargs):
        mailing_unsubscribe(staff_id=self._staff_id(), actor=None)  # the token acts, whoever is signed in
        return self.render_to_response({"done": True})
