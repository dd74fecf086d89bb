"""Pages of redeployment: the staff member's own trajectory and offers, the manager's trajectories, the HR
redeployment office (candidates, vacancies with ranked candidates, offers) and the figures."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from deployability.redeployment import forms as f
from deployability.redeployment.models import GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy
from deployability.redeployment.permissions import (
    can_answer_offer,
    can_decide_candidate,
    can_manage_vacancy,
    can_register,
    can_run_trajectory,
    candidate_get_visible,
    is_hr,
    is_manager,
    offer_get_visible,
    trajectory_get_visible,
    vacancy_get_visible,
)
from deployability.redeployment.selectors import (
    candidate_list,
    offer_list,
    offerable_vacancies,
    own_offers,
    own_registrations,
    own_trajectories,
    redeployment_figures_per_entity,
    refusal_limit,
    team_trajectories,
    vacancy_candidates_ranked,
    vacancy_list,
)
from deployability.redeployment.services import (
    candidate_admissibility,
    candidate_register,
    internal_trajectory_close,
    offer_accept,
    offer_make,
    offer_refuse,
    team_meeting_add,
    team_member_add,
    trajectory_complete,
    trajectory_open,
    trajectory_step_add,
    vacancy_fill_other,
    vacancy_publish,
    vacancy_withdraw,
)
from hrportal.models import Function
from hrportal.pagination import CountCachingPaginator, request_count_key
from hrportal.roles import sees_everything, staff_of
from hrportal.scoping import hr_entities_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors

LIST_LIMIT = 50


def _today():
    return timezone.localdate()


def paginate(request, queryset, per_page: int = 25):
    """One page of a list, its total counted once per request key; the template's pagination reads it."""
    paginator = CountCachingPaginator(queryset, per_page, count_key=request_count_key(request))
    page = paginator.get_page(request.GET.get("page"))
    page.is_paginated = paginator.num_pages > 1
    return page


class ActionMixin:
    """A POST that runs one service with a form, then redirects; on an error the page shows the bound form."""

    form_class = None
    form_name = ""
    success_message = ""

    def form_kwargs(self) -> dict:
        return {}

    def perform(self, form):  # pragma: no cover - overridden
        raise NotImplementedError

    def success_url(self, result):
        return self.request.path.rsplit("/", 2)[0] + "/"

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST, **self.form_kwargs())
        if form.is_valid():
            try:
                result = self.perform(form)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, self.success_message)
                return redirect(self.success_url(result))
        return self.render_to_response(self.get_context_data(**{self.form_name: form}), status=400)


# --- Staff: own trajectory, registration and offers ---------------------------------------------------------


class MineView(ScopedMixin, TemplateView):
    template_name = "deployability/redeployment/mine.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["trajectories"] = own_trajectories(viewer=user)[:LIST_LIMIT]
        context["registrations"] = own_registrations(viewer=user)[:LIST_LIMIT]
        context["offers"] = own_offers(viewer=user)[:LIST_LIMIT]
        context["limit"] = refusal_limit(on=_today())
        return context


# --- Line manager: trajectories ----------------------------------------------------------------------------


class TrajectoryListView(RoleRequiredMixin, TemplateView):
    template_name = "deployability/redeployment/trajectories.html"

    def allowed(self, user):
        return is_manager(user) or is_hr(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or ""
        qs = team_trajectories(viewer=self.request.user)
        if status in GuidanceTrajectory.Status.values:
            qs = qs.filter(status=status)
        context["page_obj"] = paginate(self.request, qs)
        context["trajectories"] = context["page_obj"].object_list
        context["statuses"] = GuidanceTrajectory.Status.choices
        context["status"] = status
        return context


class TrajectoryCreateView(RoleRequiredMixin, TemplateView):
    template_name = "deployability/redeployment/trajectory_form.html"

    def allowed(self, user):
        return is_manager(user) or is_hr(user)

    def get(self, request, *args, **kwargs):
        initial = {"started_on": _today(), "staff": request.GET.get("staff", "")[:20]}
        return self.render_to_response({"form": f.TrajectoryForm(initial=initial)})

    def post(self, request, *args, **kwargs):
        form = f.TrajectoryForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                trajectory = trajectory_open(
                    actor=request.user,
                    staff=data["staff"],
                    kind=data["kind"],
                    goal=data["goal"],
                    started_on=data["started_on"],
                    steps=form.steps(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                form.add_error("staff", _("You can open a trajectory only for a member of your team."))
            else:
                messages.success(request, _("The guidance trajectory has started."))
                return redirect("deployability:redeployment-trajectory-detail", pk=trajectory.pk)
        return self.render_to_response({"form": form}, status=400)


class TrajectoryDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/redeployment/trajectory_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        trajectory = self.trajectory = trajectory_get_visible(user=user, trajectory_id=self.kwargs["pk"])
        context["trajectory"] = trajectory
        context["steps"] = trajectory.steps.all()
        is_open = trajectory.status == GuidanceTrajectory.Status.OPEN
        runs = can_run_trajectory(user=user, staff=trajectory.staff)
        context["can_edit"] = is_open and runs
        if context["can_edit"]:
            context.setdefault("step_form", f.StepForm())
            context.setdefault("complete_form", f.CompleteForm(initial={"completed_on": _today()}))
        registered = RedeploymentCandidate.objects.filter(
            staff=trajectory.staff, status__in=RedeploymentCandidate.ACTIVE
        ).first()
        context["registration"] = registered
        context["can_register"] = (
            trajectory.reason == GuidanceTrajectory.Reason.REDEPLOYMENT
            and registered is None
            and can_register(user=user, staff=trajectory.staff)
        )
        if context["can_register"]:
            context.setdefault("register_form", f.RegisterForm(initial={"registered_on": _today()}))
        return context


class _TrajectoryAction(ActionMixin, TrajectoryDetailView):
    def success_url(self, result):
        return self.request.path.rsplit("/", 2)[0] + "/"


class TrajectoryStepView(_TrajectoryAction):
    form_class, form_name = f.StepForm, "step_form"

    def perform(self, form):
        self.success_message = _("The step was added.")
        return trajectory_step_add(actor=self.request.user, trajectory_id=self.kwargs["pk"], **form.cleaned_data)

    def post(self, request, *args, **kwargs):
        trajectory_get_visible(user=request.user, trajectory_id=kwargs["pk"])
        return super().post(request, *args, **kwargs)


class TrajectoryCompleteView(_TrajectoryAction):
    form_class, form_name = f.CompleteForm, "complete_form"

    def perform(self, form):
        self.success_message = _("The trajectory is completed.")
        return trajectory_complete(actor=self.request.user, trajectory_id=self.kwargs["pk"], **form.cleaned_data)

    def post(self, request, *args, **kwargs):
        trajectory_get_visible(user=request.user, trajectory_id=kwargs["pk"])
        return super().post(request, *args, **kwargs)


class TrajectoryRegisterView(_TrajectoryAction):
    form_class, form_name = f.RegisterForm, "register_form"

    def perform(self, form):
        trajectory = trajectory_get_visible(user=self.request.user, trajectory_id=self.kwargs["pk"])
        self.success_message = _("%(name)s is registered for redeployment.") % {"name": trajectory.staff.full_name}
        return candidate_register(actor=self.request.user, staff=trajectory.staff, **form.cleaned_data)

    def post(self, request, *args, **kwargs):
        trajectory_get_visible(user=request.user, trajectory_id=kwargs["pk"])
        return super().post(request, *args, **kwargs)


# --- HR: the redeployment office -------------------------------------------------------------------------


class HrOnlyMixin(RoleRequiredMixin):
    def allowed(self, user):
        return is_hr(user)


class CandidateListView(HrOnlyMixin, TemplateView):
    template_name = "deployability/redeployment/candidates.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or ""
        status = status if status in RedeploymentCandidate.Status.values else ""
        context["page_obj"] = paginate(self.request, candidate_list(viewer=self.request.user, status=status or None))
        context["candidates"] = context["page_obj"].object_list
        context["statuses"] = RedeploymentCandidate.Status.choices
        context["status"] = status
        context["limit"] = refusal_limit(on=_today())
        return context


class CandidateDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/redeployment/candidate_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        candidate = candidate_get_visible(user=user, candidate_id=self.kwargs["pk"])
        context["candidate"] = candidate
        context["offers"] = candidate.offers.select_related("vacancy__entity").order_by("number")
        context["limit"] = refusal_limit(on=_today())
        decides = can_decide_candidate(user=user, candidate=candidate)
        context["decides"] = decides
        internal = (
            getattr(candidate, "internal", None)
            if candidate.status != RedeploymentCandidate.Status.REDEPLOYABLE
            else None
        )
        context["internal"] = internal
        if internal is not None:
            context["members"] = internal.members.all()
            context["meetings"] = internal.meetings.all()
        S = RedeploymentCandidate.Status
        if decides and candidate.status == S.REGISTERED:
            context.setdefault("admissibility_form", f.AdmissibilityForm(initial={"decided_on": _today()}))
        if decides and internal is not None and internal.closed_on is None:
            context.setdefault("member_form", f.TeamMemberForm())
            context.setdefault("meeting_form", f.TeamMeetingForm(initial={"held_on": _today()}))
            context.setdefault("internal_close_form", f.InternalCloseForm(initial={"closed_on": _today()}))
        if (
            decides
            and candidate.status == S.REDEPLOYABLE
            and not candidate.offers.filter(status=Offer.Status.PENDING).exists()
        ):
            context["next_is_ex_officio"] = candidate.refusals >= context["limit"]
            context.setdefault(
                "offer_form",
                f.OfferForm(
                    vacancies=offerable_vacancies(candidate=candidate)[:LIST_LIMIT], initial={"offered_on": _today()}
                ),
            )
        return context


class _CandidateAction(ActionMixin, CandidateDetailView):
    def post(self, request, *args, **kwargs):
        candidate_get_visible(user=request.user, candidate_id=kwargs["pk"])
        return super().post(request, *args, **kwargs)


class AdmissibilityView(_CandidateAction):
    form_class, form_name = f.AdmissibilityForm, "admissibility_form"

    def perform(self, form):
        self.success_message = _("The admissibility test is recorded.")
        return candidate_admissibility(actor=self.request.user, candidate_id=self.kwargs["pk"], **form.cleaned_data)


class TeamMemberView(_CandidateAction):
    form_class, form_name = f.TeamMemberForm, "member_form"

    def perform(self, form):
        self.success_message = _("The team member was added.")
        return team_member_add(actor=self.request.user, candidate_id=self.kwargs["pk"], **form.cleaned_data)


class TeamMeetingView(_CandidateAction):
    form_class, form_name = f.TeamMeetingForm, "meeting_form"

    def perform(self, form):
        self.success_message = _("The meeting was recorded.")
        return team_meeting_add(actor=self.request.user, candidate_id=self.kwargs["pk"], **form.cleaned_data)


class InternalCloseView(_CandidateAction):
    form_class, form_name = f.InternalCloseForm, "internal_close_form"

    def perform(self, form):
        self.success_message = _("The trajectory inside the entity is closed.")
        return internal_trajectory_close(actor=self.request.user, candidate_id=self.kwargs["pk"], **form.cleaned_data)


class CandidateOfferView(_CandidateAction):
    form_class, form_name = f.OfferForm, "offer_form"

    def form_kwargs(self):
        candidate = candidate_get_visible(user=self.request.user, candidate_id=self.kwargs["pk"])
        return {"vacancies": offerable_vacancies(candidate=candidate)[:LIST_LIMIT]}

    def perform(self, form):
        offer = offer_make(
            actor=self.request.user,
            candidate_id=self.kwargs["pk"],
            vacancy_id=form.cleaned_data["vacancy"],
            offered_on=form.cleaned_data["offered_on"],
        )
        self.success_message = (
            _("The candidate is placed ex officio.")
            if offer.status == Offer.Status.EX_OFFICIO
            else _("The post is offered.")
        )
        return offer


class VacancyListView(HrOnlyMixin, TemplateView):
    template_name = "deployability/redeployment/vacancies.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Vacancy.Status.OPEN)
        status = status if status in Vacancy.Status.values else ""
        context["page_obj"] = paginate(self.request, vacancy_list(viewer=self.request.user, status=status or None))
        context["vacancies"] = context["page_obj"].object_list
        context["statuses"] = Vacancy.Status.choices
        context["status"] = status
        context["today"] = _today()
        context["can_publish"] = hr_entities_of(self.request.user).exists()
        return context


class VacancyCreateView(HrOnlyMixin, TemplateView):
    template_name = "deployability/redeployment/vacancy_form.html"

    def _form(self, data=None):
        return f.VacancyForm(
            data,
            entities=hr_entities_of(self.request.user).order_by("name"),
            functions=Function.objects.select_related("family").order_by("name"),
            initial={"published_on": _today()},
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": self._form()})

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                vacancy = vacancy_publish(
                    actor=request.user,
                    title=data["title"],
                    function=data["function"],
                    grade=data["grade"],
                    entity=data["entity"],
                    place=data["place"],
                    published_on=data["published_on"],
                    competencies=[(c, data["level"]) for c in data["competencies"]],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The vacancy is published; it goes to redeployment candidates first."))
                return redirect("deployability:redeployment-vacancy-detail", pk=vacancy.pk)
        return self.render_to_response({"form": form}, status=400)


class VacancyDetailView(HrOnlyMixin, TemplateView):
    template_name = "deployability/redeployment/vacancy_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        vacancy = vacancy_get_visible(user=user, vacancy_id=self.kwargs["pk"])
        context["vacancy"] = vacancy
        context["required"] = vacancy.competencies.select_related("competency")
        context["offers"] = vacancy.offers.filter(candidate__in=candidate_list(viewer=user)).select_related(
            "candidate__staff"
        )
        context["today"] = _today()
        is_open = vacancy.status == Vacancy.Status.OPEN
        context["ranked"] = vacancy_candidates_ranked(vacancy=vacancy, viewer=user) if is_open else []
        context["has_pending"] = is_open and vacancy.offers.filter(status=Offer.Status.PENDING).exists()
        context["offer_date"] = _today()
        context["manages"] = is_open and can_manage_vacancy(user=user, vacancy=vacancy)
        if context["manages"]:
            context.setdefault("fill_form", f.FillOtherForm(initial={"filled_on": _today()}))
        return context


class VacancyOfferView(ActionMixin, VacancyDetailView):
    """Offer the vacancy to a ranked candidate."""

    form_class, form_name = f.RankedOfferForm, "ranked_offer_form"

    def perform(self, form):
        vacancy = vacancy_get_visible(user=self.request.user, vacancy_id=self.kwargs["pk"])
        candidate = candidate_get_visible(user=self.request.user, candidate_id=form.cleaned_data["candidate"])
        offer = offer_make(
            actor=self.request.user,
            candidate_id=candidate.pk,
            vacancy_id=vacancy.pk,
            offered_on=form.cleaned_data["offered_on"],
        )
        self.success_message = (
            _("The candidate is placed ex officio.")
            if offer.status == Offer.Status.EX_OFFICIO
            else _("The post is offered.")
        )
        return offer

    def success_url(self, result):
        return result and self.request.path.rsplit("/", 2)[0] + "/"

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                result = self.perform(form)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("deployability:redeployment-vacancy-detail", pk=kwargs["pk"])
            except PermissionDenied:
                raise Http404 from None
            messages.success(request, self.success_message)
            return redirect(self.success_url(result))
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("deployability:redeployment-vacancy-detail", pk=kwargs["pk"])


class VacancyFillView(ActionMixin, VacancyDetailView):
    form_class, form_name = f.FillOtherForm, "fill_form"

    def perform(self, form):
        self.success_message = _("The vacancy is recorded as filled outside redeployment.")
        return vacancy_fill_other(actor=self.request.user, vacancy_id=self.kwargs["pk"], **form.cleaned_data)

    def post(self, request, *args, **kwargs):
        vacancy_get_visible(user=request.user, vacancy_id=kwargs["pk"])
        return super().post(request, *args, **kwargs)


class OfferListView(HrOnlyMixin, TemplateView):
    template_name = "deployability/redeployment/offers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or ""
        status = status if status in Offer.Status.values else ""
        context["page_obj"] = paginate(self.request, offer_list(viewer=self.request.user, status=status or None))
        context["offers"] = context["page_obj"].object_list
        context["statuses"] = Offer.Status.choices
        context["status"] = status
        return context


class OfferDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/redeployment/offer_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        offer = offer_get_visible(user=user, offer_id=self.kwargs["pk"])
        context["offer"] = offer
        context["limit"] = refusal_limit(on=offer.offered_on)
        me = staff_of(user)
        context["is_candidate"] = me is not None and me.pk == offer.candidate.staff_id
        context["can_see_candidate"] = is_hr(user)
        answers = offer.status == Offer.Status.PENDING and can_answer_offer(user=user, offer=offer)
        context["answers"] = answers
        if answers:
            context.setdefault("accept_form", f.AcceptForm(initial={"answered_on": _today()}))
            context.setdefault("refuse_form", f.RefuseForm(initial={"answered_on": _today()}))
            context["refusals_left"] = max(context["limit"] - offer.candidate.refusals - 1, 0)
        return context


class _OfferAction(ActionMixin, OfferDetailView):
    def post(self, request, *args, **kwargs):
        offer_get_visible(user=request.user, offer_id=kwargs["pk"])
        return super().post(request, *args, **kwargs)


class OfferAcceptView(_OfferAction):
    form_class, form_name = f.AcceptForm, "accept_form"

    def perform(self, form):
        self.success_message = _("The offer is accepted.")
        return offer_accept(actor=self.request.user, offer_id=self.kwargs["pk"], **form.cleaned_data)


class OfferRefuseView(_OfferAction):
    form_class, form_name = f.RefuseForm, "refuse_form"

    def perform(self, form):
        self.success_message = _("The refusal is recorded.")
        return offer_refuse(actor=self.request.user, offer_id=self.kwargs["pk"], **form.cleaned_data)


class FiguresView(HrOnlyMixin, TemplateView):
    """Central HR: figures across entities; an HR officer: their own entities."""

    template_name = "deployability/redeployment/figures.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        entity_ids = None if sees_everything(user) else list(hr_entities_of(user).values_list("pk", flat=True))
        context["rows"] = redeployment_figures_per_entity(entity_ids=entity_ids)
        return context


class VacancyWithdrawView(HrOnlyMixin, TemplateView):
    def post(self, request, *args, **kwargs):
        vacancy_get_visible(user=request.user, vacancy_id=kwargs["pk"])
        try:
            vacancy_withdraw(actor=request.user, vacancy_id=kwargs["pk"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("The vacancy is withdrawn."))
        return redirect("deployability:redeployment-vacancy-detail", pk=kwargs["pk"])
