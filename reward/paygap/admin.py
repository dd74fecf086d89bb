from django.contrib import admin

from reward.paygap.models import PayGapJustification


@admin.register(PayGapJustification)
class PayGapJustificationAdmin(admin.ModelAdmin):
    """Recorded on the pay-gap page (audited); admin reads."""

    list_display = ["year", "scope_label", "category_label", "mean_gap", "outcome", "due_on"]
    list_filter = ["year", "outcome"]
    search_fields = ["scope_label", "category_label", "text"]
    readonly_fields = [f.name for f in PayGapJustification._meta.fields]

    def has_add_permission(self, request):
        return False
