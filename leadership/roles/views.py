from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hrportal.roles import staff_of
from hrportal.scoping import staff_get_visible
from hrportal.views.mixins import ScopedMixin, add_service_errors
from leadership.roles.forms import ProfileRequirementForm
from leadership.roles.models import ManagementLevel
from leadership.roles.permissions import can_maintain_profiles
from leadership.roles.selectors import profiles_overview, staff_against_profiles, tier_for
from leadership.roles.services import profile_requirement_set


class ProfilesView(ScopedMixin, TemplateView):
    """The four roles' profiles in force on a date (?on=); central HR changes them from a date on."""

    template_name = "leadership/roles/profiles.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["on"] = on = timezone.localdate()
        context["profiles"] = profiles_overview(on=on)
        context["can_maintain"] = can_maintain_profiles(self.request.user)
        context["has_staff"] = staff_of(self.request.user) is not None
        if context["can_maintain"]:
            context.setdefault("form", ProfileRequirementForm(initial={"valid_from": on}))
        return context

    def post(self, request, *args, **kwargs):
        if not can_maintain_profiles(request.user):
            raise Http404
        form = ProfileRequirementForm(request.POST)
        if form.is_valid():
            try:
                profile_requirement_set(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The profile is changed."))
                return redirect("leadership:roles-index")
        return self.render_to_response(self.get_context_data(form=form))


class LeaderProfileView(ScopedMixin, TemplateView):
    """A leader's competencies against the profile of each role, for their tier (?tier= to compare another)."""

    template_name = "leadership/roles/leader.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pk = self.kwargs.get("pk")
        if pk is None:
            staff = staff_of(self.request.user)
            if staff is None:
                raise Http404
        else:
            staff = staff_get_visible(user=self.request.user, staff_id=pk)
        tier = self.request.GET.get("tier")
        if tier not in ManagementLevel.values:
            tier = tier_for(staff)
        context["staff"] = staff
        context["tier"] = tier
        context["tier_label"] = ManagementLevel(tier).label
        context["tiers"] = ManagementLevel.choices
        context["roles"] = staff_against_profiles(staff=staff, on=timezone.localdate(), tier=tier)
        return context
