from django.contrib import admin

from deployability.networks.models import LearningNetwork, NetworkMembership, NetworkSession, SharedPractice


class MembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    raw_id_fields = ["staff"]


class SessionInline(admin.TabularInline):
    model = NetworkSession
    extra = 0


@admin.register(LearningNetwork)
class LearningNetworkAdmin(admin.ModelAdmin):
    """Central HR creates networks and plans their sessions here."""

    list_display = ["name", "theme", "is_active"]
    list_filter = ["theme", "is_active"]
    inlines = [SessionInline, MembershipInline]


@admin.register(SharedPractice)
class SharedPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "network", "author", "file_name", "created_at"]
    raw_id_fields = ["author"]
    exclude = ["file_data"]
