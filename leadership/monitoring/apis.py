from django.core.exceptions import PermissionDenied
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from hrportal.suppression import min_cell_size
from leadership.models import GenderTarget
from leadership.monitoring import serializers as s
from leadership.monitoring.permissions import can_see_monitoring
from leadership.monitoring.selectors import monitoring_figures
from leadership.monitoring.services import gender_target_save, snapshot_take

VALUE_KEYS = ("women", "men", "other", "total", "share")


def _check(request) -> None:
    if not can_see_monitoring(request.user):
        raise NotFound


class GenderTargetListApi(generics.ListAPIView):
    serializer_class = s.GenderTargetSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return GenderTarget.objects.none()
        _check(self.request)
        return GenderTarget.objects.order_by("year", "tier")

    @extend_schema(request=s.GenderTargetInputSerializer, responses={201: s.GenderTargetSerializer})
    def post(self, request):
        _check(request)
        data = s.GenderTargetInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        target = gender_target_save(actor=request.user, **data.validated_data)
        return Response(s.GenderTargetSerializer(target).data, status=status.HTTP_201_CREATED)


class SnapshotTakeApi(APIView):
    """Take (or retake) this year's snapshot; past years stay as they were."""

    @extend_schema(request=None, responses={201: s.SnapshotResultSerializer})
    def post(self, request):
        _check(request)
        try:
            cells = snapshot_take(actor=request.user)
        except PermissionDenied:
            raise NotFound from None
        return Response({"year": timezone.localdate().year, "cells": cells}, status=status.HTTP_201_CREATED)


def _published(row: dict) -> dict:
    hidden = {k: v for k, v in (row.get("_hidden") or {}).items() if v}
    out = {k: v for k, v in row.items() if not k.startswith("_") and k != "period"}
    for key in hidden:
        out[key] = None
    out["hidden"] = hidden
    out["group"] = str(out.pop("tier", None) or out.pop("stage", None) or "")
    return out


class FiguresApi(APIView):
    """The monitoring figures as published: suppressed cells are null, with the reason in `hidden`."""

    @extend_schema(responses=s.FiguresSerializer)
    def get(self, request):
        _check(request)
        threshold = min_cell_size(on=timezone.localdate())
        figures = monitoring_figures(threshold=threshold)
        appointment = [
            {
                "year": r["year"],
                "group": "women_appointed/cases",
                "women": None if r["_hidden"].get("women_appointed") else r["women_appointed"],
                "total": None if r["_hidden"].get("cases") else r["cases"],
                "share": None if r["_hidden"].get("rate") else r["rate"],
                "men": None if r["_hidden"].get("men_appointed") else r["men_appointed"],
                "other": None,
                "hidden": {k: v for k, v in r["_hidden"].items() if v},
            }
            for r in figures["appointment"]
        ]
        return Response(
            {
                "min_cell_size": threshold,
                **{key: [_published(r) for r in figures[key]] for key in ("tier", "entity", "funnel", "presented")},
                "appointment": appointment,
            }
        )
