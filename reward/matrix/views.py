from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView, View

from hrportal.models import Function, FunctionFamily
from hrportal.roles import staff_of
from hrportal.scoping import can_work_hr_case, staff_get_visible
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from reward.matrix.forms import (
    EntityFilterForm,
    FamilyCreateForm,
    FamilyDeactivateForm,
    FamilyForm,
    FunctionEditForm,
    FunctionForm,
    ReclassifyForm,
    StaffFunctionForm,
)
from reward.matrix.permissions import can_manage_matrix, can_read_matrix, matrix_entities
from reward.matrix.selectors import (
    cell_functions,
    family_list,
    function_history,
    function_list,
    functions_one_class_up,
    matrix_grid,
    reclassifications_of,
    with_staff_counts,
)
from reward.matrix.services import (
    family_create,
    family_deactivate,
    family_move,
    family_reactivate,
    family_update,
    function_create,
    function_reclassify,
    function_update,
    staff_function_set,
)


def _entity_filter(request):
    form = EntityFilterForm(request.GET or None, entities=matrix_entities(request.user))
    entity = form.cleaned_data.get("entity") if form.is_valid() else None
    return form, entity


class MatrixView(RoleRequiredMixin, TemplateView):
    """Families as columns, classes as rows: functions and staff per cell, for the organisation or an entity."""

    template_name = "reward/matrix/matrix.html"

    def allowed(self, user) -> bool:
        return can_read_matrix(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, entity = _entity_filter(self.request)
        context["filter_form"] = form
        context["entity"] = entity
        context["grid"] = matrix_grid(entity_id=entity.pk if entity else None)
        context["query_string"] = f"entity={entity.pk}" if entity else ""
        context["can_manage"] = can_manage_matrix(self.request.user)
        return context


class CellView(RoleRequiredMixin, TemplateView):
    template_name = "reward/matrix/cell.html"

    def allowed(self, user) -> bool:
        return can_read_matrix(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        function_class = self.kwargs["function_class"]
        if not (Function.MIN_CLASS <= function_class <= Function.MAX_CLASS):
            raise Http404
        family_id = self.kwargs.get("family_id")
        family = get_object_or_404(FunctionFamily, pk=family_id) if family_id is not None else None
        _form, entity = _entity_filter(self.request)
        context.update(
            family=family,
            function_class=function_class,
            entity=entity,
            functions=cell_functions(
                family_id=family.pk if family else None,
                function_class=function_class,
                entity_id=entity.pk if entity else None,
            ),
            can_manage=can_manage_matrix(self.request.user),
        )
        return context


class MyCellView(ScopedMixin, TemplateView):
    """Every staff member: their own cell and the functions one class up in their and neighbouring families."""

    template_name = "reward/matrix/mine.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        me = staff_of(self.request.user)
        context["me"] = me
        if me is not None:
            context["one_up"] = functions_one_class_up(staff=me)
            context["history"] = function_history(staff=me)
        return context


class FunctionListView(RoleRequiredMixin, ListView):
    template_name = "reward/matrix/functions.html"
    context_object_name = "functions"
    paginate_by = 50

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def get_queryset(self):
        self.query = (self.request.GET.get("q") or "")[:100]
        return function_list(query=self.query, counted=False)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["functions"] = with_staff_counts(context["functions"])
        context["q"] = self.query
        context["query_string"] = f"q={self.query}" if self.query else ""
        return context


class FunctionCreateView(RoleRequiredMixin, TemplateView):
    template_name = "reward/matrix/function_form.html"

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": FunctionForm()})

    def post(self, request, *args, **kwargs):
        form = FunctionForm(request.POST)
        if form.is_valid():
            try:
                function = function_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The function was added to the matrix."))
                return redirect("reward:matrix-function", pk=function.pk)
        return self.render_to_response({"form": form})


class FunctionDetailView(RoleRequiredMixin, TemplateView):
    """Central HR: change a function, reclassify it from a date, read its reclassifications."""

    template_name = "reward/matrix/function_detail.html"

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def _function(self):
        return get_object_or_404(Function.objects.select_related("family"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        function = self._function()
        context["function"] = function
        context["reclassifications"] = reclassifications_of(function=function)
        context["staff_count"] = function.staff.filter(is_active=True).count()
        context.setdefault(
            "edit_form",
            FunctionEditForm(
                initial={"name": function.name, "weight": function.weight, "teleworkable": function.teleworkable}
            ),
        )
        context.setdefault("reclassify_form", ReclassifyForm(initial={"to_class": function.function_class}))
        return context

    def post(self, request, *args, **kwargs):
        function = self._function()
        if "reclassify" in request.POST:
            form = ReclassifyForm(request.POST)
            if form.is_valid():
                try:
                    function_reclassify(actor=request.user, function_id=function.pk, **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The function was reclassified."))
                    return redirect("reward:matrix-function", pk=function.pk)
            return self.render_to_response(self.get_context_data(reclassify_form=form))
        form = FunctionEditForm(request.POST)
        if form.is_valid():
            try:
                function_update(actor=request.user, function_id=function.pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The function was saved."))
                return redirect("reward:matrix-function", pk=function.pk)
        return self.render_to_response(self.get_context_data(edit_form=form))


class StaffFunctionView(ScopedMixin, TemplateView):
    """HR of the person's entity: their function history, and a new function from a date on."""

    template_name = "reward/matrix/staff_function.html"

    def _person(self):
        person = staff_get_visible(user=self.request.user, staff_id=self.kwargs["staff_id"])
        if not can_work_hr_case(user=self.request.user, staff=person):
            raise Http404
        return person

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = kwargs.get("person") or self._person()
        context["person"] = person
        context["history"] = function_history(staff=person)
        context.setdefault("form", StaffFunctionForm())
        return context

    def post(self, request, *args, **kwargs):
        person = self._person()
        form = StaffFunctionForm(request.POST)
        if form.is_valid():
            try:
                staff_function_set(actor=request.user, staff=person, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The new function was recorded."))
                return redirect("reward:matrix-staff", staff_id=person.pk)
        return self.render_to_response(self.get_context_data(person=person, form=form))


class FamilyListView(RoleRequiredMixin, TemplateView):
    """Central HR: the function families in the matrix's order, with their functions and whether in use."""

    template_name = "reward/matrix/families.html"

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["families"] = list(family_list())
        return context


class FamilyCreateView(RoleRequiredMixin, TemplateView):
    template_name = "reward/matrix/family_form.html"

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": FamilyCreateForm()})

    def post(self, request, *args, **kwargs):
        form = FamilyCreateForm(request.POST)
        if form.is_valid():
            try:
                family = family_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The function family was added."))
                return redirect("reward:matrix-family", pk=family.pk)
        return self.render_to_response({"form": form})


class FamilyDetailView(RoleRequiredMixin, TemplateView):
    """Central HR: rename a family; take it out of use (no function in it) or back into use."""

    template_name = "reward/matrix/family_detail.html"

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def _family(self):
        return get_object_or_404(family_list(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        family = self._family()
        context["family"] = family
        context["deactivation"] = getattr(family, "deactivation", None)
        context.setdefault(
            "edit_form",
            FamilyForm(initial={"name": family.name, "name_en": family.name_en, "is_management": family.is_management}),
        )
        context.setdefault("deactivate_form", FamilyDeactivateForm())
        return context

    def post(self, request, *args, **kwargs):
        family = self._family()
        action = request.POST.get("action")
        if action == "reactivate":
            try:
                family_reactivate(actor=request.user, family_id=family.pk)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The function family is in use again."))
            return redirect("reward:matrix-family", pk=family.pk)
        if action == "deactivate":
            form = FamilyDeactivateForm(request.POST)
            if form.is_valid():
                try:
                    family_deactivate(actor=request.user, family_id=family.pk, **form.cleaned_data)
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(request, _("The function family is out of use."))
                    return redirect("reward:matrix-family", pk=family.pk)
            return self.render_to_response(self.get_context_data(deactivate_form=form))
        form = FamilyForm(request.POST)
        if form.is_valid():
            try:
                family_update(actor=request.user, family_id=family.pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The function family was saved."))
                return redirect("reward:matrix-family", pk=family.pk)
        return self.render_to_response(self.get_context_data(edit_form=form))


class FamilyMoveView(RoleRequiredMixin, View):
    """POST only: one place up or down in the order of the matrix's columns."""

    http_method_names = ["post"]

    def allowed(self, user) -> bool:
        return can_manage_matrix(user)

    def post(self, request, pk):
        family = get_object_or_404(FunctionFamily, pk=pk)
        try:
            family_move(actor=request.user, family_id=family.pk, direction=request.POST.get("direction", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The order of the function families was changed."))
        return redirect("reward:matrix-families")
