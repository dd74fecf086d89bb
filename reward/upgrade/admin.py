from django.contrib import admin

from reward.upgrade.models import UpgradeAllowance, UpgradePeriod


class UpgradePeriodInline(admin.TabularInline):
    model = UpgradePeriod
    extra = 0
    fields = ["kind", "start", "end", "planned_end", "cancelled", "decision_date", "decided_by", "parameters"]
    readonly_fields = fields
    can_delete = False


@admin.register(UpgradeAllowance)
class UpgradeAllowanceAdmin(admin.ModelAdmin):
    """Decisions are taken on the pages (the services check the rules); the admin reads them."""

    list_display = ["holder", "function", "percentage", "regime", "status", "decision_date", "granted_by"]
    list_filter = ["status", "regime"]
    search_fields = ["holder__last_name", "holder__first_name", "holder__personnel_number", "function__name"]
    list_select_related = ["holder", "function", "granted_by"]
    raw_id_fields = ["holder", "function"]
    inlines = [UpgradePeriodInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
