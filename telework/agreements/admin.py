from django.contrib import admin

from telework.models import TeleworkAgreement, TeleworkExplanation


@admin.register(TeleworkAgreement)
class TeleworkAgreementAdmin(admin.ModelAdmin):
    """Decisions go through the services (pages and API), which check the rules; the admin shows them."""

    list_display = ["id", "staff", "status", "days_per_week", "pattern", "preferred_day", "start", "end"]
    list_filter = ["status", "pattern", "days_per_week", "start"]
    search_fields = ["staff__last_name", "staff__first_name", "staff__personnel_number", "staff__entity__name"]
    list_select_related = ["staff"]
    raw_id_fields = ["staff", "supersedes"]
    date_hierarchy = "start"
    readonly_fields = [
        "status",
        "requested_by",
        "requested_at",
        "decided_by",
        "decided_at",
        "decision_reason",
        "ended_by",
        "ended_at",
        "end_reason",
        "parameters",
        "supersedes",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TeleworkExplanation)
class TeleworkExplanationAdmin(admin.ModelAdmin):
    list_display = ["entity", "applies_telework", "effective_from", "recorded_by", "recorded_at"]
    list_filter = ["applies_telework", "effective_from"]
    search_fields = ["entity__name", "explanation"]
    list_select_related = ["entity", "recorded_by"]
    readonly_fields = ["entity", "applies_telework", "explanation", "effective_from", "recorded_by", "recorded_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
