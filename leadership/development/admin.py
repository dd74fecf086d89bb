from django.contrib import admin

from leadership.development.models import Enrolment, Module, OnboardingChecklist, OnboardingItem, Session, Trajectory


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0


@admin.register(Trajectory)
class TrajectoryAdmin(admin.ModelAdmin):
    list_display = ["name", "tier", "is_residential", "is_active"]
    list_filter = ["tier", "is_residential", "is_active"]
    inlines = [ModuleInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["module", "starts_on", "ends_on", "location", "capacity"]
    list_select_related = ["module"]
    date_hierarchy = "starts_on"


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    """Enrolments, agreements and attendance go through the pages or the API (seats are locked there)."""

    list_display = ["staff", "session", "status", "attendance"]
    list_filter = ["status", "attendance"]
    search_fields = ["staff__last_name"]
    list_select_related = ["staff", "session__module"]
    raw_id_fields = ["staff", "session"]
    readonly_fields = ["status", "attendance", "requested_by", "decided_by", "decided_at", "created_at"]

    def has_add_permission(self, request):
        return False


class ItemInline(admin.TabularInline):
    model = OnboardingItem
    extra = 0


@admin.register(OnboardingChecklist)
class OnboardingAdmin(admin.ModelAdmin):
    list_display = ["staff", "starts_on"]
    raw_id_fields = ["staff"]
    inlines = [ItemInline]
