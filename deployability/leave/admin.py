from django.contrib import admin

from deployability.leave.models import LeaveRequest, LeaveRight, PublicHoliday


@admin.register(LeaveRight)
class LeaveRightAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "source", "yearly_entitlement_days", "is_favour_leave", "paid", "is_active"]
    list_filter = ["source", "is_favour_leave", "is_active"]
    search_fields = ["name", "code", "legal_basis"]


@admin.register(LeaveRequest)
class LeaveRequestAdmin(admin.ModelAdmin):
    list_display = ["staff", "right", "start", "end", "days", "status"]
    list_filter = ["status", "right"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    raw_id_fields = ["staff", "decided_by"]
    date_hierarchy = "start"
    list_select_related = ["staff", "right"]

    # Requests and decisions go through the services (entitlement, overlap, the manager's decision).
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PublicHoliday)
class PublicHolidayAdmin(admin.ModelAdmin):
    list_display = ["day", "name"]
    search_fields = ["name"]
    date_hierarchy = "day"
