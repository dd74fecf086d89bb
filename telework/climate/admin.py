from django.contrib import admin

from telework.models import (
    ClimateParticipation,
    ClimateResponse,
    ClimateRound,
)


@admin.register(ClimateRound)
class ClimateRoundAdmin(admin.ModelAdmin):
    list_display = ["year", "opens_on", "closes_on"]
    search_fields = ["year"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ClimateResponse)
class ClimateResponseAdmin(admin.ModelAdmin):
    """Anonymous answers: read-only, never editable, so no one rewrites an entity's results by hand."""

    list_display = [
        "round",
        "entity",
        "score_autonomy",
        "score_trust",
        "score_collaboration",
        "score_digital",
        "score_learning",
    ]
    list_filter = ["round"]
    search_fields = ["entity__name"]
    list_select_related = ["round", "entity"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ClimateParticipation)
class ClimateParticipationAdmin(admin.ModelAdmin):
    list_display = ["round", "staff"]
    list_filter = ["round"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    list_select_related = ["round", "staff"]
    raw_id_fields = ["staff"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
