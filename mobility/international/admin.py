from django.contrib import admin

from mobility.models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)


class HostInline(admin.TabularInline):
    model = HostOrganisation
    extra = 0


@admin.register(MobilityCall)
class MobilityCallAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "opens_on", "closes_on", "eligible_levels", "min_months", "max_months")
    list_filter = ("kind", "opens_on")
    search_fields = ("title",)
    readonly_fields = ("created_by", "created_at")
    inlines = [HostInline]


class ExpenseClaimInline(admin.TabularInline):
    model = ExpenseClaim
    extra = 0
    readonly_fields = ("reimbursed_percent", "reimbursed_amount", "filed_by", "filed_at")


@admin.register(MobilityApplication)
class MobilityApplicationAdmin(admin.ModelAdmin):
    list_display = ("staff", "call", "start", "end", "status", "submitted_at")
    list_filter = ("status", "call__kind")
    search_fields = ("staff__last_name", "staff__first_name", "staff__personnel_number", "call__title")
    raw_id_fields = ("staff", "call", "host", "manager_decided_by", "host_decided_by")
    list_select_related = ("staff", "call")
    readonly_fields = (
        "status",
        "submitted_at",
        "manager_decided_by",
        "manager_decided_at",
        "manager_reason",
        "host_decided_by",
        "host_decided_at",
        "host_note",
    )
    inlines = [ExpenseClaimInline]


@admin.register(ExpenseClaim)
class ExpenseClaimAdmin(admin.ModelAdmin):
    list_display = ("application", "kind", "claim_date", "amount", "reimbursed_percent", "reimbursed_amount")
    list_filter = ("kind", "claim_date")
    search_fields = ("application__staff__last_name", "application__call__title", "description")
    raw_id_fields = ("application",)
    readonly_fields = ("reimbursed_percent", "reimbursed_amount", "filed_by", "filed_at")


class ExternalApplicantInline(admin.TabularInline):
    model = ExternalApplicant
    extra = 0
    readonly_fields = ("recorded_by", "recorded_at")


@admin.register(ExternalVacancy)
class ExternalVacancyAdmin(admin.ModelAdmin):
    list_display = ("title", "entity", "level", "closes_on", "status")
    list_filter = ("status", "level")
    search_fields = ("title", "entity__name")
    raw_id_fields = ("entity",)
    readonly_fields = ("created_by", "created_at")
    inlines = [ExternalApplicantInline]


@admin.register(ExternalApplicant)
class ExternalApplicantAdmin(admin.ModelAdmin):
    list_display = ("last_name", "first_name", "vacancy", "origin", "seniority_years", "seniority_months", "selection")
    list_filter = ("origin", "selection")
    search_fields = ("last_name", "first_name", "email", "employer")
    raw_id_fields = ("vacancy",)
    readonly_fields = ("recorded_by", "recorded_at")


@admin.register(Detachment)
class DetachmentAdmin(admin.ModelAdmin):
    list_display = ("staff", "institution", "start", "end", "institution_pays_salary", "compensation_amount")
    list_filter = ("institution_pays_salary", "start")
    search_fields = ("staff__last_name", "staff__personnel_number", "institution", "country")
    raw_id_fields = ("staff",)
    readonly_fields = ("compensated_percent", "compensation_amount", "created_by", "created_at")
