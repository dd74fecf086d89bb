from django.contrib import admin

from deployability.reintegration.models import CaseTeamMember, ReintegrationCase, ReintegrationStep


class TeamInline(admin.TabularInline):
    model = CaseTeamMember
    extra = 0
    raw_id_fields = ["staff"]


class StepInline(admin.TabularInline):
    model = ReintegrationStep
    extra = 0
    raw_id_fields = ["function"]
    exclude = ["created_by"]


@admin.register(ReintegrationCase)
class ReintegrationCaseAdmin(admin.ModelAdmin):
    """Medical details stay out of the admin: only the team and HR of the entity read them, on the case page."""

    list_display = ["staff", "intake_on", "status", "outcome"]
    list_filter = ["status", "outcome"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    raw_id_fields = ["staff", "opened_by"]
    exclude = ["medical_details"]
    inlines = [TeamInline, StepInline]
    list_select_related = ["staff"]
