from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from hrportal.models import Staff
from hrportal.roles import staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from leadership.mentoring.forms import CloseForm, CoachingForm, MeetingForm, MenteeForm, MentorForm, ProposeForm
from leadership.mentoring.matching import mentor_suggestions
from leadership.mentoring.models import MentoringMatch
from leadership.mentoring.permissions import (
    can_coordinate_mentoring,
    can_propose_for,
    match_get_visible,
    mentee_get_visible,
    side_of,
)
from leadership.mentoring.selectors import match_list, mentee_of, mentees_without_match, mentor_of
from leadership.mentoring.services import (
    match_close,
    match_propose,
    match_respond,
    meeting_record,
    mentee_register,
    mentor_register,
)
from telework.models import SupportRequest
from telework.pools.permissions import is_leader
from telework.pools.selectors import requests_made_by
from telework.pools.services import support_request_create

LIST_LIMIT = 100


class MentoringIndexView(ScopedMixin, TemplateView):
    template_name = "leadership/mentoring/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        me = staff_of(user)
        context["me"] = me
        context["mentee"] = mentee_of(me)
        context["mentor"] = mentor_of(me)
        context["can_mentor"] = me is not None and me.management_tier == Staff.Tier.MIDDLE
        context["matches"] = match_list(viewer=user)[:LIST_LIMIT]
        context["can_coordinate"] = can_coordinate_mentoring(user)
        context["is_leader"] = is_leader(user)
        return context


class _ProfileFormView(ScopedMixin, TemplateView):
    template_name = "leadership/form_page.html"
    form_class = None
    title = submit = ""

    def _me(self):
        me = staff_of(self.request.user)
        if me is None:
            raise Http404
        return me

    def _render(self, form):
        return self.render_to_response(
            {
                "form": form,
                "title": self.title,
                "submit_label": self.submit,
                "cancel_url": reverse("leadership:mentoring-index"),
            }
        )


class MenteeRegisterView(_ProfileFormView):
    title = _("Ask for a mentor")
    submit = _("Save")

    def get(self, request, *args, **kwargs):
        mentee = mentee_of(self._me())
        initial = {"is_active": True}
        if mentee is not None:
            initial = {
                "ambition": mentee.ambition,
                "competencies": list(mentee.competencies.all()),
                "is_active": mentee.is_active,
            }
        return self._render(MenteeForm(initial=initial))

    def post(self, request, *args, **kwargs):
        me = self._me()
        form = MenteeForm(request.POST)
        if form.is_valid():
            try:
                mentee_register(actor=request.user, staff=me, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("You are registered as a mentee; HR proposes a mentor."))
                return redirect("leadership:mentoring-index")
        return self._render(form)


class MentorRegisterView(_ProfileFormView):
    title = _("Offer to mentor")
    submit = _("Save")

    def _me(self):
        me = super()._me()
        if me.management_tier != Staff.Tier.MIDDLE:
            raise Http404
        return me

    def get(self, request, *args, **kwargs):
        mentor = mentor_of(self._me())
        initial = {"is_active": True}
        if mentor is not None:
            initial = {"motivation": mentor.motivation, "is_active": mentor.is_active}
        return self._render(MentorForm(initial=initial))

    def post(self, request, *args, **kwargs):
        me = self._me()
        form = MentorForm(request.POST)
        if form.is_valid():
            try:
                mentor_register(actor=request.user, staff=me, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("You are registered as a mentor."))
                return redirect("leadership:mentoring-index")
        return self._render(form)


class MenteeListView(RoleRequiredMixin, TemplateView):
    """HR: mentees of their entities waiting for a match."""

    template_name = "leadership/mentoring/mentees.html"

    def allowed(self, user) -> bool:
        return can_coordinate_mentoring(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mentees"] = mentees_without_match(viewer=self.request.user)[:LIST_LIMIT]
        return context


class MenteeDetailView(RoleRequiredMixin, TemplateView):
    """HR: the mentee's wishes and the proposed mentors; propose one."""

    template_name = "leadership/mentoring/mentee.html"

    def allowed(self, user) -> bool:
        return can_coordinate_mentoring(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mentee = mentee_get_visible(user=self.request.user, mentee_id=self.kwargs["pk"])
        suggestions = list(mentor_suggestions(mentee=mentee))
        context["mentee"] = mentee
        context["competencies"] = mentee.competencies.all()
        context["suggestions"] = suggestions
        context.setdefault("form", ProposeForm(mentors=suggestions))
        return context

    def post(self, request, pk):
        mentee = mentee_get_visible(user=request.user, mentee_id=pk)
        if not can_propose_for(user=request.user, mentee=mentee):
            raise Http404
        form = ProposeForm(request.POST, mentors=list(mentor_suggestions(mentee=mentee)))
        if form.is_valid():
            try:
                match = match_propose(actor=request.user, mentee_id=mentee.pk, mentor_id=form.cleaned_data["mentor"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The match is proposed to mentor and mentee."))
                return redirect("leadership:mentoring-match-detail", pk=match.pk)
        return self.render_to_response(self.get_context_data(form=form))


class MatchDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/mentoring/match.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        match = match_get_visible(user=user, match_id=self.kwargs["pk"])
        side = side_of(user=user, match=match)
        context["match"] = match
        context["side"] = side
        context["meetings"] = match.meetings.all()
        waiting = match.status == MentoringMatch.Status.PROPOSED
        context["can_respond"] = waiting and (
            (side == "mentor" and match.mentor_accepted_at is None)
            or (side == "mentee" and match.mentee_accepted_at is None)
        )
        active = match.status == MentoringMatch.Status.ACTIVE
        context["can_meet"] = active and side is not None
        context["can_close"] = active
        if context["can_meet"]:
            context.setdefault("meeting_form", MeetingForm(initial={"met_on": timezone.localdate()}))
        if active:
            context.setdefault("close_form", CloseForm())
        return context


class MatchActionView(ScopedMixin, View):
    def post(self, request, pk):
        match_get_visible(user=request.user, match_id=pk)
        action = request.POST.get("action")
        form_key, form = None, None
        try:
            if action in ("accept", "decline"):
                match_respond(actor=request.user, match_id=pk, accept=action == "accept")
                messages.success(request, _("Your answer is recorded."))
                return redirect("leadership:mentoring-match-detail", pk=pk)
            if action == "meeting":
                form_key, form = "meeting_form", MeetingForm(request.POST)
                if form.is_valid():
                    meeting_record(actor=request.user, match_id=pk, **form.cleaned_data)
                    messages.success(request, _("The meeting is recorded."))
                    return redirect("leadership:mentoring-match-detail", pk=pk)
            elif action == "close":
                form_key, form = "close_form", CloseForm(request.POST)
                if form.is_valid():
                    match_close(actor=request.user, match_id=pk, **form.cleaned_data)
                    messages.success(request, _("The mentoring is closed."))
                    return redirect("leadership:mentoring-match-detail", pk=pk)
            else:
                raise Http404
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect("leadership:mentoring-match-detail", pk=pk)
            add_service_errors(form, error)
        view = MatchDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(**{form_key: form}))


class CoachingView(RoleRequiredMixin, TemplateView):
    """Leadership coaching: a leader asks telework's coach pool for an internal certified coach (through its
    service; the pool, its coordinator and the coaches' time budgets stay in telework)."""

    template_name = "leadership/mentoring/coaching.html"

    def allowed(self, user) -> bool:
        return is_leader(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["requests"] = requests_made_by(viewer=self.request.user).filter(
            kind=SupportRequest.Kind.LEADERSHIP_COACHING
        )[:LIST_LIMIT]
        context.setdefault("form", CoachingForm())
        return context

    def post(self, request, *args, **kwargs):
        form = CoachingForm(request.POST)
        if form.is_valid():
            try:
                created = support_request_create(
                    actor=request.user, kind=SupportRequest.Kind.LEADERSHIP_COACHING, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                raise Http404 from None
            else:
                messages.success(request, _("Your request was sent to the coordinator of the coach pool."))
                return redirect("telework:pools-request-detail", pk=created.pk)
        return self.render_to_response(self.get_context_data(form=form))
