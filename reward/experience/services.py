"""Writes of recognised experience: the staff member asks, the line manager judges relevance per period,
HR decides (recognised per period, pro rata for part-time, shortage occupation) and the decision records
the caps in force on its date and the result."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, date_check_bounds
from hrportal.parameters.selectors import snapshot
from hrportal.roles import staff_of
from reward.experience import events
from reward.experience.models import ExperiencePeriod, ExperienceRequest
from reward.experience.permissions import can_decide_request, can_judge_request
from reward.experience.selectors import CAP_KEYS, experience_recognised, salary_seniority

Status = ExperienceRequest.Status
MAX_PERIODS = 40


def _clean_period(raw: dict, index: int, errors: dict) -> dict | None:
    prefix = f"periods[{index}]."
    employer = str(raw.get("employer") or "").strip()[:200]
    job = str(raw.get("job") or "").strip()[:200]
    sector = raw.get("sector")
    start, end = raw.get("start"), raw.get("end")
    ok = True
    if not employer:
        errors[prefix + "employer"] = _("Name the employer.")
        ok = False
    if not job:
        errors[prefix + "job"] = _("Describe the job.")
        ok = False
    if sector not in ExperiencePeriod.Sector.values:
        errors[prefix + "sector"] = _("Choose a sector.")
        ok = False
    for name, value in (("start", start), ("end", end)):
        try:
            date_check_bounds(field=prefix + name, value=value)
        except ValidationError as error:
            errors.update(error.message_dict)
            ok = False
    if ok and end < start:
        errors[prefix + "end"] = _("The end cannot be before the start.")
        ok = False
    try:
        fraction = Decimal(str(raw.get("part_time_fraction", 1) or 1))
        if not fraction.is_finite() or fraction <= 0 or fraction > 1:
            raise InvalidOperation
    except (InvalidOperation, ValueError, TypeError):
        errors[prefix + "part_time_fraction"] = _("The working-time fraction lies above 0 and at most 1.")
        ok = False
    if not ok:
        return None
    return {
        "employer": employer,
        "job": job,
        "sector": sector,
        "start": start,
        "end": end,
        "part_time_fraction": fraction.quantize(Decimal("0.01")),
    }


@transaction.atomic
def experience_request_submit(*, actor, periods: list[dict], note: str = "") -> ExperienceRequest:
    """A staff member asks to have earlier experience recognised (for themselves only)."""
    me = staff_of(actor)
    if me is None:
        raise PermissionDenied
    errors: dict = {}
    if not periods:
        errors["periods"] = _("Add at least one period of experience.")
    elif len(periods) > MAX_PERIODS:
        errors["periods"] = _("At most %(n)s periods in one request.") % {"n": MAX_PERIODS}
    cleaned = [_clean_period(raw, i, errors) for i, raw in enumerate(periods[:MAX_PERIODS])]
    if errors:
        raise ValidationError(errors)
    request = ExperienceRequest.objects.create(staff=me, note=(note or "").strip()[:TEXT_MAX_LENGTH])
    ExperiencePeriod.objects.bulk_create([ExperiencePeriod(request=request, **p) for p in cleaned])
    events.request_event(request=request, action="requested", actor=actor, after={"periods": len(cleaned)})
    return request


def _lock(request_id: int) -> ExperienceRequest:
    return ExperienceRequest.objects.select_for_update(of=("self",)).select_related("staff").get(pk=request_id)


@transaction.atomic
def experience_request_withdraw(*, actor, request_id: int) -> ExperienceRequest:
    request = _lock(request_id)
    me = staff_of(actor)
    if me is None or me.pk != request.staff_id:
        raise PermissionDenied
    if request.status not in (Status.SUBMITTED, Status.JUDGED):
        raise ValidationError(_("Only a request that is not decided yet can be withdrawn."))
    before = request.status
    request.status = Status.WITHDRAWN
    request.save(update_fields=["status"])
    events.request_event(
        request=request, action="withdrawn", actor=actor, before={"status": before}, after={"status": request.status}
    )
    return request


@transaction.atomic
def experience_request_judge(*, actor, request_id: int, judgements: dict[int, tuple[bool, str]]) -> ExperienceRequest:
    """The line manager judges the relevance of every period: {period_id: (relevant, why)}."""
    request = _lock(request_id)
    if not can_judge_request(user=actor, request=request):
        raise PermissionDenied
    if request.status != Status.SUBMITTED:
        raise ValidationError(_("This request is not waiting for the line manager."))
    periods = list(request.periods.select_for_update())
    errors = {
        f"relevant_{p.pk}": _("Say whether this period is relevant.")
        for p in periods
        if p.pk not in judgements or judgements[p.pk][0] is None
    }
    if errors:
        raise ValidationError(errors)
    for period in periods:
        relevant, why = judgements[period.pk]
        period.relevant, period.relevance_note = bool(relevant), (why or "").strip()[:TEXT_MAX_LENGTH]
        period.recognised = period.relevant  # HR starts from the manager's judgement
    ExperiencePeriod.objects.bulk_update(periods, ["relevant", "relevance_note", "recognised"])
    request.status, request.judged_by, request.judged_at = Status.JUDGED, actor, timezone.now()
    request.save(update_fields=["status", "judged_by", "judged_at"])
    events.request_event(
        request=request,
        action="judged",
        actor=actor,
        before={"status": Status.SUBMITTED},
        after={"status": Status.JUDGED, "relevant": [p.pk for p in periods if p.relevant]},
    )
    return request


@transaction.atomic
def experience_request_decide(
    *,
    actor,
    request_id: int,
    recognised: dict[int, bool],
    pro_rata: bool,
    shortage_occupation: bool = False,
    note: str = "",
) -> ExperienceRequest:
    """HR records the decision: which periods are recognised (public sector only if relevant), whether
    part-time periods count pro rata. The caps in force on the decision date are recorded with the result."""
    request = _lock(request_id)
    if not can_decide_request(user=actor, request=request):
        raise PermissionDenied
    if request.status != Status.JUDGED:
        raise ValidationError(_("This request is not waiting for HR's decision."))
    periods = list(request.periods.select_for_update())
    _check_recognised(periods, recognised)
    return _decide(
        request=request,
        periods=periods,
        actor=actor,
        recognised=recognised,
        pro_rata=pro_rata,
        shortage_occupation=shortage_occupation,
        note=note,
        seniority_before=salary_seniority(staff=request.staff, on=timezone.localdate()),
    )


@transaction.atomic
def experience_request_revise(
    *,
    actor,
    request_id: int,
    recognised: dict[int, bool],
    pro_rata: bool,
    shortage_occupation: bool = False,
    note: str = "",
) -> ExperienceRequest:
    """HR revises a decision: a new request with the same periods (and the line manager's judgement) is
    decided today and supersedes the old one from today on; the old decision still counts for earlier dates.
    `recognised` is keyed by the old request's period ids. Audited on both requests. Returns the new one."""
    old = _lock(request_id)
    if not can_decide_request(user=actor, request=old):
        raise PermissionDenied
    if old.status != Status.DECIDED or old.superseded_by_id is not None:
        raise ValidationError(_("Only a decision in force can be revised."))
    if not (note or "").strip():
        raise ValidationError({"note": _("Say why the decision is revised.")})
    old_periods = list(old.periods.select_for_update())
    _check_recognised(old_periods, recognised)
    today = timezone.localdate()
    seniority_before = salary_seniority(staff=old.staff, on=today)
    new = ExperienceRequest.objects.create(
        staff=old.staff,
        status=Status.JUDGED,
        note=old.note,
        judged_by=old.judged_by,
        judged_at=old.judged_at,
    )
    ExperiencePeriod.objects.bulk_create(
        [
            ExperiencePeriod(
                request=new,
                employer=p.employer,
                sector=p.sector,
                start=p.start,
                end=p.end,
                job=p.job,
                part_time_fraction=p.part_time_fraction,
                relevant=p.relevant,
                relevance_note=p.relevance_note,
            )
            for p in old_periods
        ]
    )
    copies = list(new.periods.order_by("start", "id"))
    mapping = {o.pk: c.pk for o, c in zip(sorted(old_periods, key=lambda p: (p.start, p.id)), copies, strict=True)}
    old.superseded_by, old.superseded_on = new, today
    old.save(update_fields=["superseded_by", "superseded_on"])
    events.request_event(
        request=old,
        action="revised",
        actor=actor,
        before={"in_force": True},
        after={"in_force": False, "superseded_by": new.pk, "superseded_on": today.isoformat()},
        note=(note or "").strip()[:TEXT_MAX_LENGTH],
    )
    return _decide(
        request=new,
        periods=copies,
        actor=actor,
        recognised={mapping[pk]: value for pk, value in recognised.items() if pk in mapping},
        pro_rata=pro_rata,
        shortage_occupation=shortage_occupation,
        note=note,
        seniority_before=seniority_before,
    )


def _check_recognised(periods: list, recognised: dict) -> None:
    errors = {}
    for period in periods:
        if period.pk not in recognised or recognised[period.pk] is None:
            errors[f"recognised_{period.pk}"] = _("Say whether this period is recognised.")
        elif recognised[period.pk] and not period.relevant:
            errors[f"recognised_{period.pk}"] = _(
                "Only relevant experience counts; the line manager judged this period not relevant."
            )
    if errors:
        raise ValidationError(errors)


def _decide(
    *, request, periods, actor, recognised, pro_rata, shortage_occupation, note, seniority_before
) -> ExperienceRequest:
    """Record a decision on a request judged by the line manager (inside the caller's transaction)."""
    today = timezone.localdate()
    values = snapshot(CAP_KEYS, on=today)
    for period in periods:
        period.recognised = bool(recognised[period.pk])
    ExperiencePeriod.objects.bulk_update(periods, ["recognised"])
    request.status, request.decided_by, request.decided_on = Status.DECIDED, actor, today
    request.pro_rata, request.shortage_occupation = bool(pro_rata), bool(shortage_occupation)
    request.decision_note, request.parameters = (note or "").strip()[:TEXT_MAX_LENGTH], values
    request.save(
        update_fields=[
            "status",
            "decided_by",
            "decided_on",
            "pro_rata",
            "shortage_occupation",
            "decision_note",
            "parameters",
        ]
    )
    result = experience_recognised(staff=request.staff, on=today)
    seniority = salary_seniority(staff=request.staff, on=today)
    request.salary_seniority_start_before, request.salary_seniority_start = seniority_before.start, seniority.start
    request.save(update_fields=["salary_seniority_start_before", "salary_seniority_start"])
    events.request_event(
        request=request,
        action="decided",
        actor=actor,
        before={"status": Status.JUDGED, "salary_seniority_start": _iso(seniority_before.start)},
        after={
            "status": Status.DECIDED,
            "recognised": [p.pk for p in periods if p.recognised],
            "pro_rata": request.pro_rata,
            "total_days": result.total_days,
            "years": result.years,
            "months": result.months,
            "days": result.days,
            "salary_seniority_days": seniority.total_days,
            "salary_seniority_start": _iso(seniority.start),
        },
        parameters=values,
        note=request.decision_note,
    )
    return request


def _iso(day) -> str | None:
    return day.isoformat() if day else None
