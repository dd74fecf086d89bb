from django.contrib import admin

from mobility.models import (
    Assignment,
    Match,
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)


class OfferCompetencyInline(admin.TabularInline):
    model = TalentOfferCompetency
    extra = 0
    autocomplete_fields = ["competency"]


class RequestCompetencyInline(admin.TabularInline):
    model = TalentRequestCompetency
    extra = 0
    autocomplete_fields = ["competency"]


@admin.register(TalentOffer)
class TalentOfferAdmin(admin.ModelAdmin):
    list_display = ["title", "staff", "time_share_percent", "start", "end", "status"]
    list_filter = ["status", "where"]
    search_fields = ["title", "description", "staff__last_name", "staff__personnel_number"]
    raw_id_fields = ["staff"]
    readonly_fields = ["created_at", "changed_at"]
    inlines = [OfferCompetencyInline]


@admin.register(TalentRequest)
class TalentRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "entity", "time_share_percent", "start", "end", "closing_date", "status"]
    list_filter = ["status"]
    search_fields = ["title", "description", "owner__last_name"]
    raw_id_fields = ["owner", "entity"]
    readonly_fields = ["created_at", "changed_at", "first_matched_at"]
    inlines = [RequestCompetencyInline]


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    """Written by the matching job only."""

    list_display = ["request", "offer", "score", "computed_at"]
    search_fields = ["request__title", "offer__title", "offer__staff__last_name"]
    raw_id_fields = ["request", "offer"]
    readonly_fields = ["request", "offer", "score", "explanation", "computed_at"]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        # joined, not just referenced: a row whose offer or request is gone (no constraint, see Match) is left out
        return super().get_queryset(request).select_related("request", "offer", "offer__staff")


@admin.register(TalentApplication)
class TalentApplicationAdmin(admin.ModelAdmin):
    """Decisions go through the pages or the API (they are audited); the admin shows them."""

    list_display = ["request", "offer", "kind", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["request__title", "offer__staff__last_name"]
    readonly_fields = [
        "request",
        "offer",
        "kind",
        "status",
        "created_by",
        "created_at",
        "consent_by",
        "consent_at",
        "decided_by",
        "decided_at",
        "reason",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["staff", "request", "start", "end", "time_share_percent"]
    list_filter = ["start"]
    search_fields = ["staff__last_name", "request__title"]
    readonly_fields = ["application", "offer", "request", "staff", "start", "end", "time_share_percent", "created_at"]

    def has_add_permission(self, request):
        return False
