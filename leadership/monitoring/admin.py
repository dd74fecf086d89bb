from django.contrib import admin

from leadership.models import GenderTarget, SnapshotCount


@admin.register(GenderTarget)
class GenderTargetAdmin(admin.ModelAdmin):
    list_display = ["year", "tier", "share_percent"]
    list_filter = ["tier"]


@admin.register(SnapshotCount)
class SnapshotCountAdmin(admin.ModelAdmin):
    """Snapshots are history: read only (the yearly job writes them)."""

    list_display = ["year", "entity_name", "tier", "gender", "headcount", "fte", "headcount_target"]
    list_filter = ["year", "tier", "gender"]
    search_fields = ["entity_name", "entity_code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
