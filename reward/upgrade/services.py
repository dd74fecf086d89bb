"""Every write of the function-upgrade allowance: grant, extend, end early, queue the expiry notices.

The rules (SPEC 3; 001, III.4), each in one place here, with its numbers from the policy parameters in force
on the decision date (recorded on the period and in the audit event):
- only the line manager (direct or indirect) or HR of the holder's entity decides; nobody on their own;
- never for top management (N); middle management (N-1) and everyone else may hold it;
- the heavier tasks are a function at least `reward.upgrade.min_class_difference` classes above the
  holder's own class on the decision date;
- a period lasts at least `reward.upgrade.min_days` calendar days and at most `reward.upgrade.max_days`
  (unknown duration) or `reward.upgrade.known_max_days` (known duration) days, 29 February not counted, so
  that 365 days is one year: from the start to the day before its anniversary;
- an extension is an explicit new period of at most `reward.upgrade.extension_max_days`, at most
  `reward.upgrade.max_extensions` of them (0: unlimited);
- periods of one person never overlap (the holder's row is locked while checking).
"""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import date_check_bounds
from hrportal.jobs import job_enqueue
from hrportal.models import Function, Staff
from hrportal.parameters.selectors import parameter, snapshot
from reward.matrix.selectors import function_class_of, function_class_on
from reward.upgrade import events
from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from reward.upgrade.permissions import can_grant_upgrade

GRANT_KEYS = [
    "reward.upgrade.min_days",
    "reward.upgrade.max_days",
    "reward.upgrade.known_max_days",
    "reward.upgrade.min_class_difference",
]
EXTENSION_KEYS = [
    "reward.upgrade.min_days",
    "reward.upgrade.extension_max_days",
    "reward.upgrade.max_extensions",
]


def days_counted(start: date, end: date) -> int:
    """Calendar days from start to end inclusive, 29 February not counted (a year is always 365 days)."""
    days = (end - start).days + 1
    for year in range(start.year, end.year + 1):
        try:
            leap_day = date(year, 2, 29)
        except ValueError:
            continue
        if start <= leap_day <= end:
            days -= 1
    return days


def _check_period(*, start: date, end: date, min_days: int, max_days: int, errors: dict) -> None:
    for field, value in (("start", start), ("end", end)):
        try:
            date_check_bounds(field=field, value=value)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors.keys() & {"start", "end"}:
        return
    if end < start:
        errors["end"] = _("The end cannot be before the start.")
        return
    calendar_days = (end - start).days + 1
    if calendar_days < min_days:
        errors["end"] = _("A period lasts at least %(days)s calendar days; this one lasts %(actual)s.") % {
            "days": min_days,
            "actual": calendar_days,
        }
    elif days_counted(start, end) > max_days:
        errors["end"] = _(
            "A period lasts at most %(days)s days (29 February not counted); this one lasts %(actual)s."
        ) % {
            "days": max_days,
            "actual": days_counted(start, end),
        }


def _check_no_overlap(*, holder: Staff, start: date, end: date, errors: dict, exclude_allowance=None) -> None:
    overlapping = UpgradePeriod.objects.filter(holder=holder, cancelled=False, start__lte=end, end__gte=start)
    if exclude_allowance is not None:
        overlapping = overlapping.exclude(allowance=exclude_allowance)
    clash = overlapping.order_by("start").first()
    if clash is not None:
        errors["start"] = _("This person already has a function-upgrade allowance from %(start)s to %(end)s.") % {
            "start": clash.start.strftime("%d-%m-%Y"),
            "end": clash.end.strftime("%d-%m-%Y"),
        }


def _percentage(value, errors: dict) -> Decimal | None:
    try:
        percentage = Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        errors["percentage"] = _("Enter a percentage.")
        return None
    if not percentage.is_finite() or percentage <= 0 or percentage > 100:
        errors["percentage"] = _("The percentage lies above 0 and at most 100.")
        return None
    return percentage.quantize(Decimal("0.01"))


def holder_lock(staff_id: int) -> Staff:
    """Lock the holder's row: two decisions about one person's periods queue up here."""
    return Staff.objects.select_for_update(of=("self",)).select_related("function").get(pk=staff_id)


@transaction.atomic
def upgrade_allowance_grant(
    *,
    actor,
    holder: Staff,
    function: Function | None,
    tasks: str,
    percentage,
    start: date,
    end: date,
    regime: str = UpgradeAllowance.Regime.UNKNOWN,
    decision_date: date | None = None,
) -> UpgradeAllowance:
    decision_date = decision_date or timezone.localdate()
    if not can_grant_upgrade(user=actor, staff=holder):
        raise PermissionDenied
    holder = holder_lock(holder.pk)
    values = snapshot(GRANT_KEYS, on=decision_date)
    p = values["values"]
    errors: dict = {}
    if holder.management_tier == Staff.Tier.TOP:
        errors["holder"] = _("Top management (N) cannot receive a function-upgrade allowance.")
    if not holder.is_active:
        errors["holder"] = _("This person is no longer in service.")
    own_class = function_class_on(staff=holder, on=decision_date)
    target_class = None
    if own_class is None:
        errors.setdefault("holder", _("This person has no function in the matrix; record it first."))
    if function is None:
        errors["function"] = _("Choose the function of the heavier tasks.")
    else:
        target_class = function_class_of(function=function, on=decision_date)
        difference = p["reward.upgrade.min_class_difference"]
        if own_class is not None and target_class < own_class + difference:
            errors["function"] = _(
                "The heavier tasks must sit at least %(difference)s class(es) above the own class %(own)s; "
                "this function is in class %(class)s."
            ) % {"difference": difference, "own": own_class, "class": target_class}
    if not tasks or not str(tasks).strip():
        errors["tasks"] = _("Describe the heavier tasks.")
    if regime not in UpgradeAllowance.Regime.values:
        errors["regime"] = _("Choose a regime.")
        regime = UpgradeAllowance.Regime.UNKNOWN
    amount = _percentage(percentage, errors)
    max_days = p[
        "reward.upgrade.known_max_days" if regime == UpgradeAllowance.Regime.KNOWN else "reward.upgrade.max_days"
    ]
    _check_period(start=start, end=end, min_days=p["reward.upgrade.min_days"], max_days=max_days, errors=errors)
    if not (errors.keys() & {"start", "end"}):
        _check_no_overlap(holder=holder, start=start, end=end, errors=errors)
    if errors:
        raise ValidationError(errors)
    allowance = UpgradeAllowance.objects.create(
        holder=holder,
        function=function,
        function_class=target_class,
        own_class=own_class,
        tasks=str(tasks).strip(),
        percentage=amount,
        regime=regime,
        granted_by=actor,
        decision_date=decision_date,
        parameters=values,
    )
    period = UpgradePeriod.objects.create(
        allowance=allowance,
        holder=holder,
        kind=UpgradePeriod.Kind.INITIAL,
        start=start,
        end=end,
        planned_end=end,
        decision_date=decision_date,
        decided_by=actor,
        parameters=values,
    )
    events.allowance_granted(allowance=allowance, period=period, actor=actor, parameters=values)
    return allowance


def _allowance_lock(allowance_id: int) -> UpgradeAllowance:
    allowance = UpgradeAllowance.objects.select_related("holder").get(pk=allowance_id)
    holder_lock(allowance.holder_id)
    return (
        UpgradeAllowance.objects.select_for_update(of=("self",))
        .select_related("holder", "function")
        .get(pk=allowance_id)
    )


@transaction.atomic
def upgrade_allowance_extend(
    *, actor, allowance_id: int, end: date, start: date | None = None, decision_date: date | None = None
) -> UpgradePeriod:
    """An explicit extension: a new period of the same grant, from the day after the last one (or later)."""
    decision_date = decision_date or timezone.localdate()
    allowance = _allowance_lock(allowance_id)
    if not can_grant_upgrade(user=actor, staff=allowance.holder):
        raise PermissionDenied
    if allowance.status != UpgradeAllowance.Status.ACTIVE:
        raise ValidationError(_("An allowance that ended early cannot be extended."))
    periods = list(allowance.periods.filter(cancelled=False).order_by("start"))
    last = periods[-1]
    if decision_date > last.end:
        raise ValidationError(
            _("This allowance already ended on %(end)s: grant a new one instead.")
            % {"end": last.end.strftime("%d-%m-%Y")}
        )
    values = snapshot(EXTENSION_KEYS, on=decision_date)
    p = values["values"]
    errors: dict = {}
    if allowance.holder.management_tier == Staff.Tier.TOP:
        errors["holder"] = _("Top management (N) cannot receive a function-upgrade allowance.")
    extensions = sum(1 for period in periods if period.kind == UpgradePeriod.Kind.EXTENSION)
    limit = p["reward.upgrade.max_extensions"]
    if limit and extensions >= limit:
        errors["end"] = _("This allowance can be extended at most %(limit)s time(s); it was extended %(count)s.") % {
            "limit": limit,
            "count": extensions,
        }
    start = start or last.end + timedelta(days=1)
    if start <= last.end:
        errors["start"] = _("An extension starts after the current period, which ends on %(end)s.") % {
            "end": last.end.strftime("%d-%m-%Y")
        }
    if not errors:
        _check_period(
            start=start,
            end=end,
            min_days=p["reward.upgrade.min_days"],
            max_days=p["reward.upgrade.extension_max_days"],
            errors=errors,
        )
    if not errors:
        _check_no_overlap(holder=allowance.holder, start=start, end=end, errors=errors)
    if errors:
        raise ValidationError(errors)
    period = UpgradePeriod.objects.create(
        allowance=allowance,
        holder=allowance.holder,
        kind=UpgradePeriod.Kind.EXTENSION,
        start=start,
        end=end,
        planned_end=end,
        decision_date=decision_date,
        decided_by=actor,
        parameters=values,
    )
    events.allowance_extended(allowance=allowance, period=period, previous_end=last.end, actor=actor, parameters=values)
    return period


@transaction.atomic
def upgrade_allowance_end_early(*, actor, allowance_id: int, ended_on: date, reason: str) -> UpgradeAllowance:
    """End before the planned end, with a reason: the period running then ends that day, later ones are cancelled."""
    allowance = _allowance_lock(allowance_id)
    if not can_grant_upgrade(user=actor, staff=allowance.holder):
        raise PermissionDenied
    if allowance.status != UpgradeAllowance.Status.ACTIVE:
        raise ValidationError(_("This allowance already ended early."))
    errors: dict = {}
    if not reason or not str(reason).strip():
        errors["reason"] = _("Give the reason for the early end.")
    try:
        date_check_bounds(field="ended_on", value=ended_on)
    except ValidationError as error:
        errors.update(error.message_dict)
        ended_on = None
    periods = list(allowance.periods.filter(cancelled=False).order_by("start"))
    first, last = periods[0], periods[-1]
    if ended_on is not None and not (first.start <= ended_on < last.end):
        errors["ended_on"] = _("The early end lies between %(start)s and the day before %(end)s.") % {
            "start": first.start.strftime("%d-%m-%Y"),
            "end": last.end.strftime("%d-%m-%Y"),
        }
    if errors:
        raise ValidationError(errors)
    for period in periods:
        if period.start > ended_on:
            period.cancelled = True
            period.save(update_fields=["cancelled"])
        elif period.end > ended_on:
            period.end = ended_on
            period.save(update_fields=["end"])
    allowance.status = UpgradeAllowance.Status.ENDED_EARLY
    allowance.ended_on, allowance.end_reason, allowance.ended_by = ended_on, str(reason).strip(), actor
    allowance.save(update_fields=["status", "ended_on", "end_reason", "ended_by"])
    events.allowance_ended_early(allowance=allowance, previous_end=last.end, actor=actor)
    return allowance


@transaction.atomic
def upgrade_expiry_notices_queue(*, today: date | None = None) -> int:
    """Daily: queue one e-mail to the manager for every last period ending within the notice days, once per
    period (the mark and the queued job are written in one transaction, see hrportal.jobs)."""
    today = today or timezone.localdate()
    days = parameter("reward.upgrade.expiry_notice_days", on=today)
    due = list(
        UpgradePeriod.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            cancelled=False,
            notice_queued_at__isnull=True,
            end__gte=today,
            end__lte=today + timedelta(days=days),
            allowance__status=UpgradeAllowance.Status.ACTIVE,
        )
        .exclude(
            Exists(
                UpgradePeriod.objects.filter(
                    allowance=OuterRef("allowance"), cancelled=False, start__gt=OuterRef("end")
                )
            )
        )
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    UpgradePeriod.objects.filter(pk__in=due).update(notice_queued_at=now)
    for period_id in due:
        job_enqueue("reward.upgrade.tasks.notify_allowance_expiring", period_id)
    return len(due)
