from django.contrib import admin

from telework.models import (
    Pool,
    PoolAssignment,
    PoolMember,
    SupportRequest,
)


class PoolMemberInline(admin.TabularInline):
    model = PoolMember
    extra = 0
    raw_id_fields = ["staff"]
    fields = ["staff", "certified_on", "is_active", "is_coordinator"]


@admin.register(Pool)
class PoolAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inlines = [PoolMemberInline]


@admin.register(PoolMember)
class PoolMemberAdmin(admin.ModelAdmin):
    list_display = ["staff", "pool", "certified_on", "is_active", "is_coordinator"]
    list_filter = ["pool", "is_active", "is_coordinator"]
    search_fields = ["staff__last_name", "staff__first_name", "staff__personnel_number"]
    raw_id_fields = ["staff"]
    list_select_related = ["staff", "pool"]
    readonly_fields = ["created_at"]


class AssignmentInline(admin.StackedInline):
    model = PoolAssignment
    extra = 0
    can_delete = False
    readonly_fields = ["member", "hours", "period_start", "period_end", "status", "assigned_by", "assigned_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SupportRequest)
class SupportRequestAdmin(admin.ModelAdmin):
    """Decisions go through the pages or the API (budget and locking live in the service); admin reads."""

    list_display = ["id", "kind", "entity", "requested_by", "status", "created_at"]
    list_filter = ["status", "kind", "pool"]
    search_fields = ["entity__name", "requested_by__username", "coachee__last_name", "description"]
    list_select_related = ["entity", "requested_by"]
    date_hierarchy = "created_at"
    readonly_fields = ["status", "decided_by", "decided_at", "decision_note", "created_at", "requested_by", "coachee"]
    raw_id_fields = ["entity"]
    inlines = [AssignmentInline]


@admin.register(PoolAssignment)
class PoolAssignmentAdmin(admin.ModelAdmin):
    list_display = ["id", "member", "hours", "period_start", "period_end", "status"]
    list_filter = ["status", "member__pool"]
    search_fields = ["member__staff__last_name", "request__entity__name"]
    list_select_related = ["member__staff", "member__pool"]
    readonly_fields = ["request", "member", "hours", "period_start", "period_end", "assigned_by", "assigned_at"]

    def has_add_permission(self, request):
        return False
