from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from hrportal.roles import staff_of
from hrportal.scoping import staff_scope_q
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from leadership.development.forms import AttendanceForm, DecideForm, SessionForm
from leadership.development.models import Enrolment, OnboardingItem, Trajectory
from leadership.development.permissions import (
    can_decide_enrolment,
    can_enrol,
    can_manage_offer,
    can_tick_onboarding,
    enrolment_get_visible,
    onboarding_get_visible,
    session_get,
)
from leadership.development.selectors import (
    enrolments_of,
    enrolments_to_decide,
    onboarding_list,
    session_enrolments,
    sessions_of,
    trajectory_list,
    trajectory_progress,
)
from leadership.development.services import (
    attendance_record,
    enrolment_cancel,
    enrolment_decide,
    enrolment_request,
    onboarding_item_tick,
    session_create,
)

LIST_LIMIT = 100


class DevelopmentIndexView(ScopedMixin, TemplateView):
    template_name = "leadership/development/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        me = staff_of(self.request.user)
        context["trajectories"] = trajectory_list()
        context["my_enrolments"] = enrolments_of(staff=me)[:LIST_LIMIT] if me else []
        context["progress"] = trajectory_progress(staff=me) if me else []
        context["to_decide"] = enrolments_to_decide(viewer=self.request.user).count()
        context["can_manage"] = can_manage_offer(self.request.user)
        return context


class TrajectoryDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/development/trajectory.html"

    def _trajectory(self):
        return get_object_or_404(Trajectory, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trajectory = self._trajectory()
        today = timezone.localdate()
        sessions = list(sessions_of(trajectory=trajectory, since=today))
        me = staff_of(self.request.user)
        mine = set()
        if me is not None:
            mine = set(
                Enrolment.objects.filter(staff=me, session__in=sessions, status__in=Enrolment.HOLDS_SEAT).values_list(
                    "session_id", flat=True
                )
            )
        for session in sessions:
            session.left = max(session.capacity - session.taken, 0)
            session.enrolled = session.pk in mine
            session.open = session.starts_on > today
        context["trajectory"] = trajectory
        context["modules"] = trajectory.modules.all()
        context["sessions"] = sessions
        context["can_enrol"] = me is not None and me.is_active
        context["can_manage"] = can_manage_offer(self.request.user)
        if context["can_manage"]:
            context.setdefault("form", SessionForm(modules=trajectory.modules.all()))
        return context

    def post(self, request, pk):
        if not can_manage_offer(request.user):
            raise Http404
        trajectory = self._trajectory()
        form = SessionForm(request.POST, modules=trajectory.modules.all())
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                session_create(actor=request.user, module_id=data.pop("module"), **data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session is planned."))
                return redirect("leadership:development-trajectory", pk=pk)
        return self.render_to_response(self.get_context_data(form=form))


class EnrolView(ScopedMixin, View):
    def post(self, request, pk):
        session = session_get(session_id=pk)
        me = staff_of(request.user)
        if me is None:
            raise Http404
        try:
            enrolment_request(actor=request.user, session_id=session.pk, staff=me)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(request, _("You are enrolled; your line manager is asked to agree."))
        return redirect("leadership:development-trajectory", pk=session.module.trajectory_id)


class SessionDetailView(RoleRequiredMixin, TemplateView):
    """HR: the participants of a session (their entities'), to record attendance."""

    template_name = "leadership/development/session.html"

    def allowed(self, user) -> bool:
        return can_manage_offer(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = session_get(session_id=self.kwargs["pk"])
        context["session"] = session
        context["enrolments"] = session_enrolments(session=session).filter(
            staff_scope_q(self.request.user, prefix="staff__")
        )
        context["taken"] = session.enrolments.filter(status__in=Enrolment.HOLDS_SEAT).count()
        return context


class EnrolmentDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/development/enrolment.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        enrolment = enrolment_get_visible(user=user, enrolment_id=self.kwargs["pk"])
        context["enrolment"] = enrolment
        requested = enrolment.status == Enrolment.Status.REQUESTED
        context["can_decide"] = requested and can_decide_enrolment(user=user, enrolment=enrolment)
        context["can_cancel"] = (
            enrolment.status in Enrolment.HOLDS_SEAT
            and not enrolment.attendance
            and can_enrol(user=user, staff=enrolment.staff)
        )
        context["can_attend"] = (
            enrolment.status == Enrolment.Status.AGREED
            and can_manage_offer(user)
            and can_enrol(user=user, staff=enrolment.staff)
            and enrolment.session.starts_on <= timezone.localdate()
        )
        if context["can_decide"]:
            context.setdefault("decide_form", DecideForm())
        if context["can_attend"]:
            context.setdefault("attendance_form", AttendanceForm())
        return context

    def post(self, request, pk):
        enrolment = enrolment_get_visible(user=request.user, enrolment_id=pk)
        action = request.POST.get("action")
        form_key, form = None, None
        try:
            if action == "decide":
                form_key, form = "decide_form", DecideForm(request.POST)
                if form.is_valid():
                    enrolment_decide(
                        actor=request.user,
                        enrolment_id=enrolment.pk,
                        agree=form.cleaned_data["decision"] == "agree",
                        reason=form.cleaned_data["reason"],
                    )
                    messages.success(request, _("Your decision is recorded."))
                    return redirect("leadership:development-enrolment", pk=pk)
            elif action == "attendance":
                form_key, form = "attendance_form", AttendanceForm(request.POST)
                if form.is_valid():
                    attendance_record(actor=request.user, enrolment_id=enrolment.pk, **form.cleaned_data)
                    messages.success(request, _("The attendance is recorded."))
                    return redirect("leadership:development-enrolment", pk=pk)
            elif action == "cancel":
                enrolment_cancel(actor=request.user, enrolment_id=enrolment.pk)
                messages.success(request, _("The enrolment is cancelled."))
                return redirect("leadership:development-enrolment", pk=pk)
            else:
                raise Http404
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect("leadership:development-enrolment", pk=pk)
            add_service_errors(form, error)
        return self.render_to_response(self.get_context_data(**{form_key: form}))


class DecisionsView(ScopedMixin, TemplateView):
    """The line manager's enrolments waiting for agreement."""

    template_name = "leadership/development/decisions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enrolments"] = enrolments_to_decide(viewer=self.request.user)[:LIST_LIMIT]
        return context


class OnboardingListView(ScopedMixin, TemplateView):
    template_name = "leadership/development/onboarding_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["checklists"] = onboarding_list(viewer=self.request.user)[:LIST_LIMIT]
        return context


class OnboardingDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/development/onboarding_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        checklist = onboarding_get_visible(user=self.request.user, checklist_id=self.kwargs["pk"])
        context["checklist"] = checklist
        context["items"] = checklist.items.select_related("done_by")
        context["can_tick"] = can_tick_onboarding(user=self.request.user, checklist=checklist)
        context["today"] = timezone.localdate()
        return context


class OnboardingTickView(ScopedMixin, View):
    def post(self, request, pk):
        item = OnboardingItem.objects.filter(pk=pk).only("checklist_id").first()
        if item is None:
            raise Http404
        onboarding_get_visible(user=request.user, checklist_id=item.checklist_id)
        try:
            onboarding_item_tick(actor=request.user, item_id=pk, done=request.POST.get("done") == "1")
        except PermissionDenied:
            raise Http404 from None
        messages.success(request, _("The checklist is updated."))
        return redirect("leadership:development-onboarding-detail", pk=item.checklist_id)
