from django.contrib import admin

from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction


@admin.register(ShortageFunction)
class ShortageFunctionAdmin(admin.ModelAdmin):
    """The list is kept on the pages or through the API (ending a listing ends its allowances); admin reads."""

    list_display = ["function", "valid_from", "valid_until", "yearly_amount", "percentage"]
    list_select_related = ["function"]
    search_fields = ["function__name"]
    readonly_fields = ["function", "valid_from", "valid_until", "yearly_amount", "percentage", "created_by"]

    def has_add_permission(self, request):
        return False


@admin.register(LabourMarketAllowance)
class LabourMarketAllowanceAdmin(admin.ModelAdmin):
    """Grants and ends go through the service (locking, audit); admin reads."""

    list_display = ["staff", "listing", "start", "end", "status"]
    list_filter = ["status"]
    search_fields = ["staff__last_name", "staff__personnel_number", "listing__function__name"]
    list_select_related = ["staff", "listing__function"]
    raw_id_fields = ["staff", "listing"]
    readonly_fields = [
        "staff",
        "listing",
        "start",
        "end",
        "yearly_amount",
        "percentage",
        "status",
        "end_reason",
        "granted_by",
        "granted_at",
    ]

    def has_add_permission(self, request):
        return False
