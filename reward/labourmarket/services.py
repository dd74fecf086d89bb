"""Labour-market allowance decisions. Rules (docs/reward.md, "Labour-market allowance"):

- central HR keeps the shortage list: per function, periods that do not overlap, each with a yearly gross
  amount or a percentage of the basic salary (exactly one);
- HR of the entity grants the allowance to a staff member whose function is on the list on the start date,
  for a period within the listing; one person's allowances never overlap (the Staff row is locked);
- when a function leaves the list (central HR sets the listing's end date), every allowance running past that
  date is ended on it (status "delisted", audited); HR sees these on the list and on the home page;
- when HR records a new function for a person from a date (reward.matrix.services.staff_function_set), their
  allowances for another function still running on that date end the day before (status "changed",
  audited); HR sees these on the list and on the home page.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hrportal.audit.services import audit_record
from hrportal.models import Function, Staff
from reward.labourmarket.models import LabourMarketAllowance, ShortageFunction
from reward.labourmarket.permissions import can_grant_to, can_keep_shortage_list
from reward.labourmarket.selectors import shortage_listing_on

Status = LabourMarketAllowance.Status


def _listing_parameters(listing: ShortageFunction) -> dict:
    return {
        "shortage_listing": listing.pk,
        "function": listing.function_id,
        "listed_from": listing.valid_from,
        "listed_until": listing.valid_until,
        "yearly_amount": listing.yearly_amount,
        "percentage": listing.percentage,
    }


def _check_amount(yearly_amount: Decimal | None, percentage: Decimal | None, errors: dict) -> None:
    if (yearly_amount is None) == (percentage is None):
        errors["yearly_amount"] = _("Give either a yearly amount or a percentage, not both.")
    elif yearly_amount is not None and yearly_amount <= 0:
        errors["yearly_amount"] = _("The yearly amount must be more than 0.")
    elif percentage is not None and not (0 < percentage <= 100):
        errors["percentage"] = _("The percentage must lie above 0 and at most 100.")


@transaction.atomic
def shortage_listing_create(
    *,
    actor,
    function: Function,
    valid_from: date,
    valid_until: date | None = None,
    yearly_amount: Decimal | None = None,
    percentage: Decimal | None = None,
    note: str = "",
) -> ShortageFunction:
    """Central HR puts a function on the shortage list from a date (and possibly until a date)."""
    if not can_keep_shortage_list(actor):
        raise PermissionDenied
    errors: dict = {}
    _check_amount(yearly_amount, percentage, errors)
    if valid_until is not None and valid_until < valid_from:
        errors["valid_until"] = _("The end cannot be before the start.")
    if errors:
        raise ValidationError(errors)
    list(Function.objects.select_for_update().filter(pk=function.pk).order_by("pk"))  # two listings at once queue up
    overlap = ShortageFunction.objects.filter(function=function).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=valid_from)
    )
    if valid_until is not None:
        overlap = overlap.filter(valid_from__lte=valid_until)
    if overlap.exists():
        raise ValidationError(
            {"valid_from": _("This function is already on the shortage list in (part of) this period.")}
        )
    listing = ShortageFunction.objects.create(
        function=function,
        valid_from=valid_from,
        valid_until=valid_until,
        yearly_amount=yearly_amount,
        percentage=percentage,
        note=(note or "").strip(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="reward.shortage_function.listed",
        target=listing,
        after=_listing_parameters(listing),
    )
    return listing


@transaction.atomic
def shortage_listing_end(*, actor, listing_id: int, valid_until: date, reason: str) -> list[LabourMarketAllowance]:
    """Central HR takes a function off the list from the day after `valid_until`. Allowances running past
    that date end on it (status "delisted"); returns them. An allowance that would only start later must be
    ended by HR first (nothing is half-written)."""
    if not can_keep_shortage_list(actor):
        raise PermissionDenied
    listing = ShortageFunction.objects.select_for_update(of=("self",)).select_related("function").get(pk=listing_id)
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give the reason the function leaves the list.")})
    if valid_until < listing.valid_from:
        raise ValidationError({"valid_until": _("The end cannot be before the start of the listing.")})
    if listing.valid_until is not None and valid_until > listing.valid_until:
        raise ValidationError({"valid_until": _("The listing already ends earlier; add a new listing instead.")})
    allowances = list(
        LabourMarketAllowance.objects.select_for_update(of=("self",))
        .select_related("staff")
        .filter(listing=listing, end__gt=valid_until)
        .exclude(status=Status.ENDED, end__lte=valid_until)
        .order_by("pk")
    )
    later = [a for a in allowances if a.start > valid_until]
    if later:
        raise ValidationError(
            {
                "valid_until": _(
                    "%(count)s allowance(s) of this function start after this date; HR must end them first."
                )
                % {"count": len(later)}
            }
        )
    before = {"valid_until": listing.valid_until}
    listing.valid_until = valid_until
    listing.save(update_fields=["valid_until"])
    audit_record(
        actor=actor,
        action="reward.shortage_function.delisted",
        target=listing,
        before=before,
        after={"valid_until": valid_until, "allowances_ended": [a.pk for a in allowances]},
        note=reason.strip(),
    )
    for allowance in allowances:
        old_end = allowance.end
        allowance.end = valid_until
        allowance.status = Status.DELISTED
        allowance.end_reason = reason.strip()
        allowance.save(update_fields=["end", "status", "end_reason"])
        audit_record(
            actor=actor,
            action="reward.labour_market_allowance.delisted",
            target=allowance,
            staff=allowance.staff,
            before={"end": old_end, "status": Status.ACTIVE},
            after={"end": valid_until, "status": Status.DELISTED},
            parameters=_listing_parameters(listing),
            note=reason.strip(),
        )
    return allowances


@transaction.atomic
def allowance_grant(*, actor, staff: Staff, start: date, end: date) -> LabourMarketAllowance:
    """HR grants the allowance: the function must be on the shortage list on the start date, the period must
    lie within the listing, and the person may hold no other allowance in the period."""
    person = Staff.objects.select_for_update(of=("self",)).select_related("function", "entity").get(pk=staff.pk)
    if not can_grant_to(user=actor, staff=person):
        raise PermissionDenied
    if end < start:
        raise ValidationError({"end": _("The end cannot be before the start.")})
    if not person.is_active:
        raise ValidationError({"staff": _("This member of staff is no longer in service.")})
    if person.function_id is None:
        raise ValidationError({"staff": _("This member of staff has no function in the matrix.")})
    listing = shortage_listing_on(function_id=person.function_id, on=start)
    if listing is None:
        raise ValidationError(
            {
                "start": _("The function %(function)s is not on the shortage list on %(date)s.")
                % {"function": person.function.name, "date": date_format(start, "SHORT_DATE_FORMAT")}
            }
        )
    if listing.valid_until is not None and end > listing.valid_until:
        raise ValidationError(
            {
                "end": _("The function is on the shortage list only until %(date)s; end the allowance then.")
                % {"date": date_format(listing.valid_until, "SHORT_DATE_FORMAT")}
            }
        )
    clash = LabourMarketAllowance.objects.filter(staff=person, start__lte=end, end__gte=start).order_by("start").first()
    if clash is not None:
        raise ValidationError(
            {
                "start": _("This person already has a labour-market allowance from %(start)s to %(end)s.")
                % {
                    "start": date_format(clash.start, "SHORT_DATE_FORMAT"),
                    "end": date_format(clash.end, "SHORT_DATE_FORMAT"),
                }
            }
        )
    allowance = LabourMarketAllowance.objects.create(
        staff=person,
        listing=listing,
        start=start,
        end=end,
        yearly_amount=listing.yearly_amount,
        percentage=listing.percentage,
        granted_by=actor,
    )
    audit_record(
        actor=actor,
        action="reward.labour_market_allowance.granted",
        target=allowance,
        staff=person,
        after={"start": start, "end": end, "yearly_amount": listing.yearly_amount, "percentage": listing.percentage},
        parameters=_listing_parameters(listing),
    )
    return allowance


@transaction.atomic
def allowance_end(*, actor, allowance_id: int, end: date, reason: str) -> LabourMarketAllowance:
    """HR ends an allowance early (the person changed function, left, ...), with the reason."""
    allowance = (
        LabourMarketAllowance.objects.select_for_update(of=("self",))
        .select_related("staff", "listing")
        .get(pk=allowance_id)
    )
    if not can_grant_to(user=actor, staff=allowance.staff):
        raise PermissionDenied
    if allowance.status != Status.ACTIVE:
        raise ValidationError(_("This allowance has already ended."))
    errors = {}
    if not reason or not reason.strip():
        errors["reason"] = _("Give the reason for the early end.")
    if end < allowance.start:
        errors["end"] = _("The end cannot be before the start.")
    elif end > allowance.end:
        errors["end"] = _("An early end lies before the current end.")
    if errors:
        raise ValidationError(errors)
    before = {"end": allowance.end, "status": allowance.status}
    allowance.end, allowance.status, allowance.end_reason = end, Status.ENDED, reason.strip()
    allowance.save(update_fields=["end", "status", "end_reason"])
    audit_record(
        actor=actor,
        action="reward.labour_market_allowance.ended",
        target=allowance,
        staff=allowance.staff,
        before=before,
        after={"end": end, "status": Status.ENDED},
        parameters=_listing_parameters(allowance.listing),
        note=reason.strip(),
    )
    return allowance


def allowances_end_on_function_change(*, actor, staff: Staff, function: Function, on: date) -> list:
    """The one rule for a change of function: `staff` holds `function` from `on`, so each of their allowances
    granted for another function and still running on `on` ends on the day before (status "changed", audited
    one by one). An allowance that would only start on `on` or later cannot end before it starts: the change
    is refused until HR has ended it (nothing is half-written; the caller's transaction rolls back).
    Called inside the caller's transaction, after the Staff row was locked."""
    last_day = on - timedelta(days=1)
    allowances = list(
        LabourMarketAllowance.objects.select_for_update(of=("self",))
        .select_related("listing")
        .filter(staff=staff, end__gte=on)
        .exclude(listing__function_id=function.pk)
        .order_by("start", "pk")
    )
    later = [a for a in allowances if a.start >= on]
    if later:
        raise ValidationError(
            {
                "on": _(
                    "A labour-market allowance for the former function starts on %(date)s, on or after this date; "
                    "HR must end it first."
                )
                % {"date": date_format(later[0].start, "SHORT_DATE_FORMAT")}
            }
        )
    reason = _("Function changed on %(date)s.") % {"date": date_format(on, "SHORT_DATE_FORMAT")}
    for allowance in allowances:
        before = {"end": allowance.end, "status": allowance.status}
        allowance.end, allowance.status, allowance.end_reason = last_day, Status.FUNCTION_CHANGED, reason
        allowance.save(update_fields=["end", "status", "end_reason"])
        audit_record(
            actor=actor,
            action="reward.labour_market_allowance.function_changed",
            target=allowance,
            staff=staff,
            before=before,
            after={"end": last_day, "status": Status.FUNCTION_CHANGED, "new_function": function.pk},
            parameters=_listing_parameters(allowance.listing),
            note=reason,
        )
    return allowances
