from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, Count, F, Sum, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.models import Entity, Staff
from leadership.models import GenderTarget, SnapshotCount
from leadership.monitoring.permissions import can_manage_monitoring


@transaction.atomic
def snapshot_take(*, year: int | None = None, actor=None) -> int:
    """Write this year's counts per entity x tier x gender (headcount and FTE of staff in service), with each
    entity's headcount target. Only the current year can be (re)taken: a past year's snapshot is history and
    stays as it was, whatever the organisation looks like now. Returns the number of cells written."""
    if actor is not None and not can_manage_monitoring(actor):
        raise PermissionDenied
    current = timezone.localdate().year
    year = current if year is None else year
    if year != current:
        raise ValidationError(
            {"year": _("Only the current year's snapshot can be taken; past years stay as they were.")}
        )
    # A division counts with the entity it belongs to.
    unit = Case(When(entity__kind=Entity.Kind.DIVISION, then=F("entity__parent_id")), default=F("entity_id"))
    cells = list(
        Staff.objects.filter(is_active=True)
        .annotate(unit=unit)
        .values("unit", "management_tier", "gender")
        .annotate(headcount=Count("id"), fte=Sum("working_time_fraction"))
        .order_by()
    )
    entities = {
        e["pk"]: e
        for e in Entity.objects.filter(pk__in={c["unit"] for c in cells}).values(
            "pk", "code", "name", "headcount_target"
        )
    }
    SnapshotCount.objects.filter(year=year).delete()
    rows = [
        SnapshotCount(
            year=year,
            entity_id=c["unit"],
            entity_code=entities[c["unit"]]["code"],
            entity_name=entities[c["unit"]]["name"],
            headcount_target=entities[c["unit"]]["headcount_target"],
            tier=c["management_tier"],
            gender=c["gender"],
            headcount=c["headcount"],
            fte=Decimal(c["fte"] or 0).quantize(Decimal("0.01")),
        )
        for c in cells
    ]
    SnapshotCount.objects.bulk_create(rows, batch_size=2000)
    if rows:
        audit_record(
            actor=actor,
            action="leadership.snapshot.taken",
            target=rows[0],
            after={"year": year, "cells": len(rows), "staff": sum(r.headcount for r in rows)},
        )
    return len(rows)


@transaction.atomic
def gender_target_save(*, actor, year: int, tier: str, share_percent: Decimal) -> GenderTarget:
    """The organisation's target share of women in a tier from `year` on (one per year and tier; saving
    again changes it, audited)."""
    if not can_manage_monitoring(actor):
        raise PermissionDenied
    errors = {}
    if tier not in GenderTarget.Tier.values:
        errors["tier"] = _("Choose a management tier.")
    if year is None or not (1990 <= year <= timezone.localdate().year + 20):
        errors["year"] = _("Give a year between 1990 and 20 years from now.")
    if share_percent is None or not (0 <= share_percent <= 100):
        errors["share_percent"] = _("A share lies between 0 and 100%.")
    if errors:
        raise ValidationError(errors)
    target = GenderTarget.objects.select_for_update().filter(year=year, tier=tier).first()
    before = {"share_percent": target.share_percent} if target else None
    if target is None:
        target = GenderTarget(year=year, tier=tier)
    target.share_percent = share_percent
    target.save()
    audit_record(
        actor=actor,
        action="leadership.gender_target.saved",
        target=target,
        before=before,
        after={"year": year, "tier": tier, "share_percent": share_percent},
    )
    return target
