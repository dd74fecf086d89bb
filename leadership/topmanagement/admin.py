from django.contrib import admin

from leadership.models import (
    AnnualEvaluation,
    Mandate,
    MandateEvaluation,
    Registration,
    TopCandidate,
    TopSession,
    Vacancy,
)


class MandateEvaluationInline(admin.StackedInline):
    model = MandateEvaluation
    extra = 0
    can_delete = False
    readonly_fields = ["evaluated_on", "result", "note", "evaluated_by"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    """Renewals and evaluations go through the pages or the API (the rules live in the service); admin reads."""

    list_display = ["official", "function_title", "entity", "start", "end", "term", "status"]
    list_filter = ["status", "term"]
    search_fields = ["official__last_name", "official__first_name", "function_title", "entity__name"]
    list_select_related = ["official", "entity"]
    readonly_fields = ["official", "entity", "start", "end", "term", "previous", "status", "created_at"]
    inlines = [MandateEvaluationInline]

    def has_add_permission(self, request):
        return False


@admin.register(AnnualEvaluation)
class AnnualEvaluationAdmin(admin.ModelAdmin):
    list_display = ["official", "year", "rating", "evaluated_on"]
    list_filter = ["year", "rating"]
    search_fields = ["official__last_name", "official__first_name"]
    list_select_related = ["official"]
    raw_id_fields = ["official"]
    readonly_fields = ["evaluated_by"]


class CandidateInline(admin.TabularInline):
    model = TopCandidate
    extra = 0
    raw_id_fields = ["staff"]
    fields = ["name", "gender", "stage", "outcome", "staff"]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year", "entity", "status"]
    list_filter = ["kind", "year", "status"]
    search_fields = ["title", "selection_office"]
    raw_id_fields = ["entity"]
    inlines = [CandidateInline]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    raw_id_fields = ["staff"]
    fields = ["staff", "mailing_opt_in"]


@admin.register(TopSession)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "held_on", "capacity"]
    list_filter = ["kind"]
    search_fields = ["title", "place"]
    date_hierarchy = "held_on"
    inlines = [RegistrationInline]
