from django.contrib import admin

from reward.experience.models import ExperiencePeriod, ExperienceRequest


class ExperiencePeriodInline(admin.TabularInline):
    model = ExperiencePeriod
    extra = 0
    fields = ["employer", "sector", "job", "start", "end", "part_time_fraction", "relevant", "recognised"]
    readonly_fields = fields
    can_delete = False


@admin.register(ExperienceRequest)
class ExperienceRequestAdmin(admin.ModelAdmin):
    """Requests are judged and decided on the pages (the services keep the flow); the admin reads them."""

    list_display = ["staff", "status", "submitted_at", "decided_on", "pro_rata"]
    list_filter = ["status", "pro_rata", "shortage_occupation"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    list_select_related = ["staff"]
    raw_id_fields = ["staff"]
    inlines = [ExperiencePeriodInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
