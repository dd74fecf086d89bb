from django.urls import path

from leadership.mentoring import views

urlpatterns = [
    path("mentoring/", views.MentoringIndexView.as_view(), name="mentoring-index"),
    path("mentoring/mentee/", views.MenteeRegisterView.as_view(), name="mentoring-mentee-register"),
    path("mentoring/mentor/", views.MentorRegisterView.as_view(), name="mentoring-mentor-register"),
    path("mentoring/mentees/", views.MenteeListView.as_view(), name="mentoring-mentees"),
    path("mentoring/mentees/<int:pk>/", views.MenteeDetailView.as_view(), name="mentoring-mentee-detail"),
    path("mentoring/matches/<int:pk>/", views.MatchDetailView.as_view(), name="mentoring-match-detail"),
    path("mentoring/matches/<int:pk>/action/", views.MatchActionView.as_view(), name="mentoring-match-action"),
    path("mentoring/coaching/", views.CoachingView.as_view(), name="mentoring-coaching"),
]
