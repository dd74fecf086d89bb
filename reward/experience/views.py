from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hrportal.profile import ProfileSection
from hrportal.roles import staff_of
from hrportal.scoping import can_see_pay
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from reward.experience.forms import DecideForm, JudgeForm, PeriodFormSet, RequestNoteForm, ReviseForm
from reward.experience.models import ExperienceRequest
from reward.experience.permissions import request_get_visible, staff_get_for_experience
from reward.experience.selectors import (
    experience_recognised,
    request_actions,
    requests_of,
    requests_to_decide,
    requests_to_judge,
    salary_seniority,
)
from reward.experience.services import (
    experience_request_decide,
    experience_request_judge,
    experience_request_revise,
    experience_request_submit,
    experience_request_withdraw,
)

LIST_LIMIT = 50


class ExperienceHomeView(ScopedMixin, TemplateView):
    """Staff: their requests and recognised seniority; managers: requests to judge; HR: requests to decide."""

    template_name = "reward/experience/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        me = staff_of(user)
        context["me"] = me
        if me is not None:
            context["my_requests"] = requests_of(staff=me)[:LIST_LIMIT]
            context["recognised"] = experience_recognised(staff=me)
        context["to_judge"] = requests_to_judge(viewer=user)[:LIST_LIMIT]
        context["to_decide"] = requests_to_decide(viewer=user)[:LIST_LIMIT]
        return context


class RequestCreateView(RoleRequiredMixin, TemplateView):
    template_name = "reward/experience/request_form.html"

    def allowed(self, user) -> bool:
        return staff_of(user) is not None

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": RequestNoteForm(), "formset": PeriodFormSet(prefix="periods")})

    def post(self, request, *args, **kwargs):
        form = RequestNoteForm(request.POST)
        formset = PeriodFormSet(request.POST, prefix="periods")
        if form.is_valid() and formset.is_valid():
            periods = [f.cleaned_data for f in formset.forms if f.cleaned_data]
            try:
                created = experience_request_submit(actor=request.user, periods=periods, note=form.cleaned_data["note"])
            except ValidationError as error:
                self._errors(form, formset, error)
            else:
                messages.success(request, _("Your request was sent to your line manager."))
                return redirect("reward:experience-request", pk=created.pk)
        return self.render_to_response({"form": form, "formset": formset})

    @staticmethod
    def _errors(form, formset, error) -> None:
        filled = [f for f in formset.forms if f.cleaned_data]
        for key, messages_ in error.message_dict.items():
            if key.startswith("periods[") and "]." in key:
                index, field = key[len("periods[") :].split("].", 1)
                filled[int(index)].add_error(field, messages_)
            else:
                form.add_error(None, messages_)


class RequestDetailView(ScopedMixin, TemplateView):
    template_name = "reward/experience/request_detail.html"

    def _request(self):
        return request_get_visible(user=self.request.user, request_id=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = kwargs.get("experience_request") or self._request()
        periods = list(request.periods.all())
        actions = request_actions(user=self.request.user, request=request)
        me = staff_of(self.request.user)
        context.update(experience_request=request, periods=periods, actions=actions)
        context["is_own"] = me is not None and me.pk == request.staff_id
        context["can_withdraw"] = context["is_own"] and request.status in (
            ExperienceRequest.Status.SUBMITTED,
            ExperienceRequest.Status.JUDGED,
        )
        if actions["judge"]:
            context.setdefault("judge_form", JudgeForm(periods=periods))
        if actions["decide"]:
            initial = {f"recognised_{p.pk}": "yes" if p.relevant else "no" for p in periods}
            context.setdefault("decide_form", DecideForm(periods=periods, initial=initial))
        if actions["revise"]:
            initial = {f"recognised_{p.pk}": "yes" if p.recognised else "no" for p in periods}
            initial.update(pro_rata=request.pro_rata, shortage_occupation=request.shortage_occupation)
            context.setdefault("revise_form", ReviseForm(periods=periods, initial=initial))
        return context

    def post(self, request, *args, **kwargs):
        found = self._request()
        periods = list(found.periods.all())
        actions = request_actions(user=request.user, request=found)
        action = request.POST.get("action")
        try:
            if action == "withdraw":
                experience_request_withdraw(actor=request.user, request_id=found.pk)
                messages.success(request, _("Your request was withdrawn."))
                return redirect("reward:experience-request", pk=found.pk)
            if action == "judge" and actions["judge"]:
                form = JudgeForm(request.POST, periods=periods)
                if form.is_valid():
                    note = form.cleaned_data["note"]
                    judgements = {pk: (relevant, note) for pk, relevant in form.answers().items()}
                    try:
                        experience_request_judge(actor=request.user, request_id=found.pk, judgements=judgements)
                    except ValidationError as error:
                        add_service_errors(form, error)
                    else:
                        messages.success(request, _("Your judgement was sent to HR."))
                        return redirect("reward:experience-request", pk=found.pk)
                return self.render_to_response(self.get_context_data(experience_request=found, judge_form=form))
            if action == "decide" and actions["decide"]:
                return self._decision(
                    found, periods, DecideForm, experience_request_decide, _("The decision was recorded.")
                )
            if action == "revise" and actions["revise"]:
                message = _("The decision was revised; the new decision is in force.")
                return self._decision(found, periods, ReviseForm, experience_request_revise, message)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("reward:experience-request", pk=found.pk)
        raise Http404

    def _decision(self, found, periods, form_class, service, message: str):
        """Decide (DecideForm) or revise (ReviseForm): on success to the request the decision is on."""
        form = form_class(self.request.POST, periods=periods)
        if form.is_valid():
            try:
                decided = service(
                    actor=self.request.user,
                    request_id=found.pk,
                    recognised=form.answers(),
                    pro_rata=form.cleaned_data["pro_rata"],
                    shortage_occupation=form.cleaned_data["shortage_occupation"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(self.request, message)
                return redirect("reward:experience-request", pk=decided.pk)
        key = "revise_form" if form_class is ReviseForm else "decide_form"
        return self.render_to_response(self.get_context_data(experience_request=found, **{key: form}))


class StaffExperienceView(ScopedMixin, TemplateView):
    """A person's recognised seniority with how it was computed: the person and HR (pay-like data)."""

    template_name = "reward/experience/staff.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        staff = staff_get_for_experience(user=self.request.user, staff_id=self.kwargs["staff_id"])
        context["person"] = staff
        context["recognised"] = experience_recognised(staff=staff)
        context["seniority"] = salary_seniority(staff=staff)
        context["requests"] = requests_of(staff=staff)[:LIST_LIMIT]
        return context


def staff_profile_section(*, user, staff) -> ProfileSection | None:
    """The staff profile's section (registered in RewardConfig.ready): the recognised experience and the salary
    seniority, with a link to how they were computed — pay-like data, for those who may see pay only."""
    if not can_see_pay(user=user, staff=staff):
        return None
    return ProfileSection(
        "reward/experience/profile_section.html",
        {
            "person": staff,
            "recognised": experience_recognised(staff=staff),
            "seniority": salary_seniority(staff=staff),
        },
    )
