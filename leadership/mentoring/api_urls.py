from django.urls import path

from leadership.mentoring import apis as a

urlpatterns = [
    path("mentoring/matches/", a.MatchListApi.as_view(), name="mentoring-matches"),
    path("mentoring/matches/<int:pk>/", a.MatchDetailApi.as_view(), name="mentoring-match-detail"),
    path("mentoring/matches/<int:pk>/respond/", a.MatchRespondApi.as_view(), name="mentoring-match-respond"),
    path("mentoring/matches/<int:pk>/meetings/", a.MatchMeetingApi.as_view(), name="mentoring-match-meetings"),
    path("mentoring/matches/<int:pk>/close/", a.MatchCloseApi.as_view(), name="mentoring-match-close"),
]
