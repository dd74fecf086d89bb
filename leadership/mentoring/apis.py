from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from leadership.mentoring import serializers as s
from leadership.mentoring.permissions import match_get_visible, mentee_get_visible
from leadership.mentoring.selectors import match_list
from leadership.mentoring.services import match_close, match_propose, match_respond, meeting_record


def _detail(request, pk) -> Response:
    return Response(s.MatchSerializer(match_get_visible(user=request.user, match_id=pk)).data)


class MatchListApi(generics.ListAPIView):
    """Matches the caller takes part in (or, for HR, of their entities); POST proposes one (HR)."""

    serializer_class = s.MatchSerializer
    filterset_fields = ["status"]

    def get_queryset(self):
        return match_list(viewer=self.request.user).prefetch_related("meetings")

    @extend_schema(request=s.ProposeInputSerializer, responses={201: s.MatchSerializer})
    def post(self, request):
        data = s.ProposeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        mentee = mentee_get_visible(user=request.user, mentee_id=data.validated_data["mentee"])
        try:
            match = match_propose(actor=request.user, mentee_id=mentee.pk, mentor_id=data.validated_data["mentor"])
        except PermissionDenied:
            raise NotFound from None
        return Response(s.MatchSerializer(match).data, status=status.HTTP_201_CREATED)


class MatchDetailApi(generics.RetrieveAPIView):
    serializer_class = s.MatchSerializer

    def get_object(self):
        return match_get_visible(user=self.request.user, match_id=self.kwargs["pk"])


class _MatchActionApi(APIView):
    input_class = None
    service = None

    def _run(self, request, pk, **kwargs):
        match_get_visible(user=request.user, match_id=pk)
        try:
            type(self).service(actor=request.user, match_id=pk, **kwargs)
        except PermissionDenied:
            raise NotFound from None
        return _detail(request, pk)


class MatchRespondApi(_MatchActionApi):
    service = staticmethod(match_respond)

    @extend_schema(request=s.RespondInputSerializer, responses=s.MatchSerializer)
    def post(self, request, pk):
        match_get_visible(user=request.user, match_id=pk)
        data = s.RespondInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._run(request, pk, **data.validated_data)


class MatchMeetingApi(_MatchActionApi):
    service = staticmethod(meeting_record)

    @extend_schema(request=s.MeetingInputSerializer, responses=s.MatchSerializer)
    def post(self, request, pk):
        match_get_visible(user=request.user, match_id=pk)
        data = s.MeetingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._run(request, pk, **data.validated_data)


class MatchCloseApi(_MatchActionApi):
    service = staticmethod(match_close)

    @extend_schema(request=s.MentoringCloseInputSerializer, responses=s.MatchSerializer)
    def post(self, request, pk):
        match_get_visible(user=request.user, match_id=pk)
        data = s.MentoringCloseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._run(request, pk, **data.validated_data)
