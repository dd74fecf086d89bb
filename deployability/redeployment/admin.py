from django.contrib import admin

from deployability.redeployment.models import (
    GuidanceTrajectory,
    InternalTrajectory,
    Offer,
    RedeploymentCandidate,
    TeamMeeting,
    TeamMember,
    TrajectoryStep,
    Vacancy,
    VacancyCompetency,
)


class StepInline(admin.TabularInline):
    model = TrajectoryStep
    extra = 0


@admin.register(GuidanceTrajectory)
class GuidanceTrajectoryAdmin(admin.ModelAdmin):
    list_display = ["staff", "kind", "reason", "started_on", "status", "completed_on"]
    list_filter = ["kind", "reason", "status"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    raw_id_fields = ["staff", "opened_by"]
    list_select_related = ["staff"]
    inlines = [StepInline]
    show_full_result_count = False


class OfferInline(admin.TabularInline):
    """Offers are made and answered through the services (the refusal counter, ex officio): read-only here."""

    model = Offer
    extra = 0
    can_delete = False
    readonly_fields = ["vacancy", "number", "offered_on", "offered_by", "status", "answered_on", "refusal_reason"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(RedeploymentCandidate)
class RedeploymentCandidateAdmin(admin.ModelAdmin):
    list_display = ["staff", "status", "registered_on", "refusals", "placed_on", "placed_ex_officio"]
    list_filter = ["status", "placed_ex_officio"]
    search_fields = ["staff__last_name", "staff__personnel_number"]
    raw_id_fields = ["staff", "trajectory", "registered_by", "admissibility_decided_by"]
    readonly_fields = ["refusals", "placed_on", "placed_ex_officio"]
    list_select_related = ["staff"]
    inlines = [OfferInline]


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0


class TeamMeetingInline(admin.TabularInline):
    model = TeamMeeting
    extra = 0


@admin.register(InternalTrajectory)
class InternalTrajectoryAdmin(admin.ModelAdmin):
    list_display = ["candidate", "started_on", "closed_on"]
    raw_id_fields = ["candidate"]
    inlines = [TeamMemberInline, TeamMeetingInline]


class VacancyCompetencyInline(admin.TabularInline):
    model = VacancyCompetency
    extra = 0
    autocomplete_fields = ["competency"]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "grade", "entity", "place", "published_on", "priority_until", "status"]
    list_filter = ["status", "grade"]
    search_fields = ["title", "place"]
    raw_id_fields = ["function", "entity", "published_by"]
    list_select_related = ["entity"]
    inlines = [VacancyCompetencyInline]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["candidate", "vacancy", "number", "offered_on", "status"]
    list_filter = ["status"]
    raw_id_fields = ["candidate", "vacancy", "offered_by"]
    readonly_fields = [f.name for f in Offer._meta.fields]

    def has_add_permission(self, request):
        return False
