from django.contrib import admin

from leadership.selection.models import Candidate, Probation, Selection


class CandidateInline(admin.TabularInline):
    model = Candidate
    extra = 0
    can_delete = False
    raw_id_fields = ["staff"]
    readonly_fields = ["status", "experience_years", "experience_months", "experience_days"]


@admin.register(Selection)
class SelectionAdmin(admin.ModelAdmin):
    """Candidates and appointments go through the pages or the API (the rules live in the service)."""

    list_display = ["post", "entity", "opens_on", "closes_on", "status"]
    list_filter = ["status"]
    search_fields = ["post", "entity__name"]
    raw_id_fields = ["entity"]
    readonly_fields = ["status", "created_by", "created_at"]
    inlines = [CandidateInline]


@admin.register(Probation)
class ProbationAdmin(admin.ModelAdmin):
    list_display = ["staff", "post", "starts_on", "ends_on", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["staff__last_name", "post"]
    list_select_related = ["staff"]
    raw_id_fields = ["staff", "candidate"]
    readonly_fields = ["months", "ends_on", "outcome", "evaluated_on", "evaluated_by", "created_at"]
