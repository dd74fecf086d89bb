from django.contrib import admin

from deployability.careers.models import (
    FunctionProfileCompetency,
    ProjectLeaderAppointment,
    PromotionApplication,
    PromotionPost,
)


@admin.register(FunctionProfileCompetency)
class FunctionProfileCompetencyAdmin(admin.ModelAdmin):
    list_display = ["function", "competency", "level"]
    list_filter = ["level"]
    raw_id_fields = ["function"]
    search_fields = ["function__name"]


class ApplicationInline(admin.TabularInline):
    model = PromotionApplication
    extra = 0
    raw_id_fields = ["staff"]


@admin.register(PromotionPost)
class PromotionPostAdmin(admin.ModelAdmin):
    list_display = ["title", "entity", "grade", "opens_on", "closes_on"]
    raw_id_fields = ["function", "entity", "created_by"]
    inlines = [ApplicationInline]


@admin.register(ProjectLeaderAppointment)
class ProjectLeaderAppointmentAdmin(admin.ModelAdmin):
    list_display = ["staff", "project", "start", "end"]
    raw_id_fields = ["staff", "appointed_by"]
