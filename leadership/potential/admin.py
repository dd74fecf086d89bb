from django.contrib import admin

from leadership.potential.models import Assessment, AssessmentScore


class ScoreInline(admin.TabularInline):
    model = AssessmentScore
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["staff", "role", "tier", "assessed_on", "result"]
    list_filter = ["role", "tier", "result"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    list_select_related = ["staff"]
    raw_id_fields = ["staff", "assessors"]
    readonly_fields = ["recorded_by", "created_at"]
    inlines = [ScoreInline]
