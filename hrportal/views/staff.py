from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from hrportal.filters import StaffFilter
from hrportal.forms import CompetencyFormSet, LanguageFormSet
from hrportal.models import Staff
from hrportal.pagination import CountKeyMixin, DirectoryPaginator
from hrportal.profile import profile_sections_for
from hrportal.roles import Role, roles_of, staff_of
from hrportal.scoping import (
    GENDER_FIELDS,
    PAY_FIELDS,
    can_edit_profile,
    can_work_hr_case,
    staff_fields_hidden,
    staff_get_visible,
)
from hrportal.selectors.staff import staff_directory_list, staff_profile_get
from hrportal.services.staff import staff_profile_update
from hrportal.views.mixins import ScopedMixin


class StaffDirectoryView(ScopedMixin, CountKeyMixin, ListView):
    template_name = "hrportal/staff_list.html"
    context_object_name = "staff_list"
    paginate_by = 25
    paginator_class = DirectoryPaginator

    def get(self, request, *args, **kwargs):
        # A staff member sees only their own record: a directory of one under a filter panel is a dead
        # end, so the directory opens their profile instead (the navigation does not offer it to them).
        me = staff_of(request.user)
        if me is not None and roles_of(request.user) == {Role.STAFF}:
            return redirect("staff-detail", pk=me.pk)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.filterset = StaffFilter(
            self.request.GET, queryset=staff_directory_list(viewer=self.request.user), request=self.request
        )
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filterset.form
        # Labels looked up once: a model's get_FOO_display() rebuilds its choices for every row.
        context["tier_labels"] = {value: str(label) for value, label in Staff.Tier.choices}
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_string"] = query.urlencode()
        return context


class StaffDetailView(ScopedMixin, DetailView):
    template_name = "hrportal/staff_detail.html"
    context_object_name = "member"

    def get_object(self, queryset=None):
        return staff_profile_get(staff_id=self.kwargs["pk"], viewer=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, member = self.request.user, self.object
        me = staff_of(user)
        is_self = me is not None and me.pk == member.pk
        is_hr = can_work_hr_case(user=user, staff=member)
        context["is_self"] = is_self
        context["can_edit"] = can_edit_profile(user=user, staff=member)
        # Pay and gender: one rule for the page and the API (hrportal.scoping.staff_fields_hidden).
        hidden = staff_fields_hidden(user=user, staff=member)
        context["sees_pay"] = not (hidden & PAY_FIELDS)
        context["sees_gender"] = not (hidden & GENDER_FIELDS)
        context["sees_personal"] = context["sees_pay"] or context["sees_gender"]
        context["sees_evaluations"] = is_self or is_hr or Role.MANAGER in roles_of(user)
        context["app_sections"] = profile_sections_for(user=user, staff=member)
        return context


class StaffProfileEditView(ScopedMixin, TemplateView):
    template_name = "hrportal/staff_profile_edit.html"

    def _member(self):
        staff_id = self.kwargs.get("pk")
        if staff_id is None:
            me = staff_of(self.request.user)
            if me is None:
                raise Http404
            staff_id = me.pk
        member = staff_get_visible(user=self.request.user, staff_id=staff_id)
        if not can_edit_profile(user=self.request.user, staff=member):
            raise Http404
        return member

    def get(self, request, *args, **kwargs):
        member = self._member()
        languages = LanguageFormSet(
            prefix="lang",
            initial=[{"language": x.language, "proficiency": x.proficiency} for x in member.languages.all()],
        )
        competencies = CompetencyFormSet(
            prefix="comp",
            initial=[{"competency": x.competency_id, "level": x.level} for x in member.competencies.all()],
        )
        return self.render_to_response({"member": member, "languages": languages, "competencies": competencies})

    def post(self, request, *args, **kwargs):
        member = self._member()
        languages = LanguageFormSet(request.POST, prefix="lang")
        competencies = CompetencyFormSet(request.POST, prefix="comp")
        if languages.is_valid() and competencies.is_valid():
            try:
                staff_profile_update(
                    staff_id=member.pk,
                    actor=request.user,
                    languages=_rows(languages, "language", "proficiency"),
                    competencies=[(c.pk, level) for c, level in _rows(competencies, "competency", "level")],
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    target = languages if field == "languages" else competencies
                    target._non_form_errors = target.error_class(problems)
            else:
                messages.success(request, _("Your profile was saved."))
                return redirect("staff-detail", pk=member.pk)
        return self.render_to_response({"member": member, "languages": languages, "competencies": competencies})


def _rows(formset, first: str, second: str) -> list[tuple]:
    return [
        (form.cleaned_data[first], form.cleaned_data[second])
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get(first)
    ]
