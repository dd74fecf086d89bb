from django.contrib import admin

from reward.matrix.models import FunctionReclassification, StaffFunctionHistory


@admin.register(FunctionReclassification)
class FunctionReclassificationAdmin(admin.ModelAdmin):
    """Reclassifications are decided on the matrix pages (dated, with history); the admin reads them."""

    list_display = ["function", "from_class", "to_class", "effective_date", "decided_by"]
    list_select_related = ["function", "decided_by"]
    search_fields = ["function__name"]
    date_hierarchy = "effective_date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StaffFunctionHistory)
class StaffFunctionHistoryAdmin(admin.ModelAdmin):
    list_display = ["staff", "function", "function_class", "valid_from", "valid_until"]
    list_select_related = ["staff", "function"]
    search_fields = ["staff__last_name", "staff__personnel_number", "function__name"]
    raw_id_fields = ["staff", "function"]
