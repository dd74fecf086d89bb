from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from hrportal import models
from hrportal.jobs.services import outbox_resend
from hrportal.services.evaluations import evaluation_check_interval


@admin.register(models.User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Portal role"), {"fields": ("is_central_hr",)}))
    list_display = ("username", "email", "is_central_hr", "is_staff", "is_superuser")
    list_filter = (*BaseUserAdmin.list_filter, "is_central_hr")


class StaffLanguageInline(admin.TabularInline):
    model = models.StaffLanguage
    extra = 0


class StaffCompetencyInline(admin.TabularInline):
    model = models.StaffCompetency
    extra = 0
    autocomplete_fields = ["competency"]


class EvaluationAdminForm(forms.ModelForm):
    """Every evaluation entered here obeys the interval rule after an "insufficient" (hrportal.services.evaluations)."""

    class Meta:
        model = models.Evaluation
        fields = ["staff", "evaluated_on", "rating", "evaluator", "remarks"]

    def clean(self):
        cleaned = super().clean()
        staff_id = cleaned["staff"].pk if cleaned.get("staff") else self.instance.staff_id
        evaluated_on = cleaned.get("evaluated_on")
        if staff_id and evaluated_on:
            try:
                evaluation_check_interval(staff_id=staff_id, evaluated_on=evaluated_on, exclude_id=self.instance.pk)
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned


class EvaluationInline(admin.TabularInline):
    model = models.Evaluation
    form = EvaluationAdminForm
    fk_name = "staff"
    extra = 0
    raw_id_fields = ["evaluator"]


@admin.register(models.Staff)
class StaffAdmin(admin.ModelAdmin):
    list_display = ("personnel_number", "last_name", "first_name", "entity", "level", "grade", "management_tier")
    list_filter = ("level", "management_tier", "employment_type", "gender", "is_active")
    search_fields = ("last_name", "first_name", "email", "personnel_number")
    raw_id_fields = ("user", "line_manager", "entity", "function")
    list_select_related = ("entity",)
    inlines = [StaffLanguageInline, StaffCompetencyInline, EvaluationInline]
    show_full_result_count = False


@admin.register(models.Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "headcount_target", "telework_max_share_percent")
    list_filter = ("kind",)
    search_fields = ("name", "code")
    raw_id_fields = ("parent",)


@admin.register(models.HrOfficerScope)
class HrOfficerScopeAdmin(admin.ModelAdmin):
    list_display = ("user", "entity")
    search_fields = ("user__username", "entity__name")
    raw_id_fields = ("user", "entity")


class BehaviourLevelInline(admin.TabularInline):
    model = models.CompetencyBehaviourLevel
    extra = 0


@admin.register(models.Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "cluster")
    list_filter = ("cluster",)
    search_fields = ("name", "name_en", "code")
    inlines = [BehaviourLevelInline]


@admin.register(models.CompetencyCluster)
class CompetencyClusterAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "position")


@admin.register(models.FunctionFamily)
class FunctionFamilyAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "is_management", "position")
    search_fields = ("name", "name_en")


@admin.register(models.Function)
class FunctionAdmin(admin.ModelAdmin):
    list_display = ("name", "family", "function_class", "weight", "teleworkable")
    list_filter = ("family", "function_class", "teleworkable")
    search_fields = ("name",)


@admin.register(models.Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    form = EvaluationAdminForm
    list_display = ("staff", "evaluated_on", "rating")
    list_filter = ("rating",)
    search_fields = ("staff__last_name", "staff__personnel_number")
    raw_id_fields = ("staff", "evaluator")
    date_hierarchy = "evaluated_on"


@admin.register(models.PortfolioAction)
class PortfolioActionAdmin(admin.ModelAdmin):
    list_display = ("code", "title", "objective", "status", "continues", "term", "sponsor")
    list_filter = ("objective", "status", "term", "continues")
    search_fields = ("code", "title", "title_en", "sponsor")
    readonly_fields = ("updated_at",)


@admin.register(models.PolicyParameter)
class PolicyParameterAdmin(admin.ModelAdmin):
    """Read-only here: new values go through the parameters page so that they are audited."""

    list_display = ("key", "value", "valid_from", "legal_basis", "created_by", "created_at")
    list_filter = ("key",)
    readonly_fields = [f.name for f in models.PolicyParameter._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(models.AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "actor", "action", "target_repr", "staff", "entity")
    list_filter = ("action",)
    search_fields = ("action", "target_repr", "staff__last_name")
    date_hierarchy = "occurred_at"
    readonly_fields = [f.name for f in models.AuditEvent._meta.fields]
    list_select_related = ("actor", "staff", "entity")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    list_display = ("id", "kind", "status", "progress", "requested_by", "created_at", "finished_at")
    list_filter = ("kind", "status")
    readonly_fields = (
        "kind",
        "status",
        "progress",
        "parameters",
        "requested_by",
        "created_at",
        "started_at",
        "finished_at",
        "result",
        "error",
    )
    exclude = ("csv_file", "xlsx_file")

    def has_add_permission(self, request):
        return False


@admin.register(models.OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """The background jobs (transactional outbox): what waits for the broker, what runs, what failed and why.
    A failed or lost job is sent again with the action; the message itself is kept as it was."""

    list_display = (
        "task_name",
        "state",
        "created_at",
        "sent_at",
        "send_attempts",
        "run_attempts",
        "done_at",
        "failed_at",
    )
    list_filter = ("task_name", ("done_at", admin.EmptyFieldListFilter), ("failed_at", admin.EmptyFieldListFilter))
    search_fields = ("task_name",)
    readonly_fields = [field.name for field in models.OutboxMessage._meta.fields]
    actions = ["send_again"]

    @admin.display(description=_("state"))
    def state(self, obj):
        return obj.state

    @admin.action(description=_("Run the selected jobs again"))
    def send_again(self, request, queryset):
        for message in queryset:
            outbox_resend(message_id=message.pk)
        self.message_user(request, _("%(count)d jobs queued again.") % {"count": queryset.count()})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
