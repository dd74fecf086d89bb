from django.contrib import admin

from deployability.evaluations.models import EvaluationCase


@admin.register(EvaluationCase)
class EvaluationCaseAdmin(admin.ModelAdmin):
    """Cases move through the services (the finding, the window, the dismissal decision): read-only here."""

    list_display = ["staff", "opened_on", "status", "outcome", "closed_on"]
    list_filter = ["status", "outcome"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    list_select_related = ["staff"]
    readonly_fields = [f.name for f in EvaluationCase._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False
