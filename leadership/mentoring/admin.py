from django.contrib import admin

from leadership.mentoring.models import Mentee, Mentor, MentoringMatch, MentoringMeeting


@admin.register(Mentor)
class MentorAdmin(admin.ModelAdmin):
    list_display = ["staff", "is_active"]
    raw_id_fields = ["staff"]
    list_select_related = ["staff"]


@admin.register(Mentee)
class MenteeAdmin(admin.ModelAdmin):
    list_display = ["staff", "is_active"]
    raw_id_fields = ["staff"]
    list_select_related = ["staff"]


class MeetingInline(admin.TabularInline):
    model = MentoringMeeting
    extra = 0


@admin.register(MentoringMatch)
class MatchAdmin(admin.ModelAdmin):
    """Proposals and answers go through the pages or the API (the own-line rule lives in the service)."""

    list_display = ["mentor", "mentee", "status", "proposed_at"]
    list_filter = ["status"]
    list_select_related = ["mentor__staff", "mentee__staff"]
    raw_id_fields = ["mentor", "mentee"]
    readonly_fields = ["status", "proposed_by", "mentor_accepted_at", "mentee_accepted_at", "closed_on"]
    inlines = [MeetingInline]

    def has_add_permission(self, request):
        return False
