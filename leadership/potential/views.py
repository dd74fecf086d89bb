from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hrportal.roles import staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from leadership.potential.forms import AssessmentForm
from leadership.potential.models import Assessment
from leadership.potential.permissions import (
    assessment_get_visible,
    can_record_assessments,
    can_see_talent_pool,
)
from leadership.potential.selectors import assessment_list, own_assessments, talent_pool
from leadership.potential.services import assessment_record
from leadership.roles.models import LeadershipRole

LIST_LIMIT = 100


class PotentialIndexView(ScopedMixin, TemplateView):
    """Staff: their own assessments. HR: the assessments of their entities' people."""

    template_name = "leadership/potential/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        me = staff_of(user)
        context["mine"] = own_assessments(staff=me)[:LIST_LIMIT] if me else []
        context["is_hr"] = is_hr = can_record_assessments(user)
        if is_hr:
            context["assessments"] = (
                assessment_list(viewer=user).exclude(staff=me)[:LIST_LIMIT]
                if me
                else (assessment_list(viewer=user)[:LIST_LIMIT])
            )
        return context


class AssessmentCreateView(RoleRequiredMixin, TemplateView):
    template_name = "leadership/form_page.html"

    def allowed(self, user) -> bool:
        return can_record_assessments(user)

    def _render(self, form):
        return self.render_to_response(
            {
                "form": form,
                "title": _("Record a potential assessment"),
                "intro": _("The result is personal: only the candidate and HR can read it."),
                "submit_label": _("Record assessment"),
                "cancel_url": reverse("leadership:potential-index"),
            }
        )

    def get(self, request, *args, **kwargs):
        return self._render(AssessmentForm(initial={"assessed_on": timezone.localdate()}))

    def post(self, request, *args, **kwargs):
        form = AssessmentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = assessment_record(
                    actor=request.user,
                    staff=data["staff"],
                    role=data["role"],
                    tier=data["tier"],
                    assessed_on=data["assessed_on"],
                    assessors=data["assessors"],
                    scores=form.scores(),
                    result=data["result"],
                    advice=data["advice"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                form.add_error("staff", _("No member of staff with this number."))
            else:
                messages.success(request, _("The assessment is recorded."))
                return redirect("leadership:potential-detail", pk=created.pk)
        return self._render(form)


class AssessmentDetailView(ScopedMixin, TemplateView):
    template_name = "leadership/potential/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = assessment_get_visible(user=self.request.user, assessment_id=self.kwargs["pk"])
        context["assessment"] = assessment
        context["scores"] = assessment.scores.select_related("competency")
        context["assessors"] = assessment.assessors.all()
        return context


class TalentPoolView(RoleRequiredMixin, TemplateView):
    template_name = "leadership/potential/talent_pool.html"

    def allowed(self, user) -> bool:
        return can_see_talent_pool(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pool = list(talent_pool(viewer=self.request.user)[:LIST_LIMIT])
        for person in pool:
            person.role_label = LeadershipRole(person.latest_role).label
            person.result_label = Assessment.Result(person.latest_result).label
        context["pool"] = pool
        return context
