from django.contrib import admin

from leadership.roles.models import ProfileRequirement


@admin.register(ProfileRequirement)
class ProfileRequirementAdmin(admin.ModelAdmin):
    """Read-only: central HR changes profiles on the roles page, which closes and opens lines with audit."""

    list_display = ["role", "tier", "competency", "required_level", "valid_from", "valid_until"]
    list_filter = ["role", "tier"]
    search_fields = ["competency__name"]
    list_select_related = ["competency"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
