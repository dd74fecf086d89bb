from django.urls import path

from deployability.networks import apis as a

urlpatterns = [
    path("networks/", a.NetworkListApi.as_view(), name="networks"),
    path("networks/<int:pk>/join/", a.NetworkJoinApi.as_view(), name="network-join"),
    path("networks/<int:pk>/sessions/", a.SessionListApi.as_view(), name="network-sessions"),
    path("networks/<int:pk>/practices/", a.PracticeListApi.as_view(), name="network-practices"),
    path("networks/sessions/<int:pk>/register/", a.SessionRegisterApi.as_view(), name="network-session-register"),
]
