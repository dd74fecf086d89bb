from django.urls import path

from reward.experience import apis as a

urlpatterns = [
    path("experience/requests/", a.RequestListApi.as_view(), name="experience-requests"),
    path("experience/requests/<int:pk>/", a.RequestDetailApi.as_view(), name="experience-request"),
    path("experience/requests/<int:pk>/judge/", a.RequestJudgeApi.as_view(), name="experience-judge"),
    path("experience/requests/<int:pk>/decide/", a.RequestDecideApi.as_view(), name="experience-decide"),
    path("experience/requests/<int:pk>/revise/", a.RequestReviseApi.as_view(), name="experience-revise"),
    path("experience/staff/<int:staff_id>/", a.StaffExperienceApi.as_view(), name="experience-staff"),
]
