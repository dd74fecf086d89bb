"""Every write of the international mobility pilots, external mobility and the detachment register."""

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hrportal.models import Staff
from hrportal.parameters import parameter, snapshot
from hrportal.roles import staff_of

from .. import events_international as events
from ..models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)
from ..permissions.international import (
    can_decide_as_manager,
    can_file_claim,
    can_manage_calls,
    can_manage_detachments,
    can_manage_external,
    can_record_host_decision,
    can_withdraw,
)

REIMBURSED_KEY = "mobility.international.reimbursed_cost_share_percent"
COMPENSATED_KEY = "mobility.detachment.compensated_salary_share_percent"
DEFAULT_MONTH_KEYS = {
    MobilityCall.Kind.EXCHANGE: (
        "mobility.international.exchange_min_months",
        "mobility.international.exchange_max_months",
    ),
    MobilityCall.Kind.WORK_VISIT: (
        "mobility.international.work_visit_min_months",
        "mobility.international.work_visit_max_months",
    ),
}
CENT = Decimal("0.01")
Status = MobilityApplication.Status


# --- month arithmetic -------------------------------------------------------------------------------
def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stay_last_day(start: date, months: int) -> date:
    """The last day of a stay of exactly `months` months from `start`: start + months - 1 day (1 Mar → 31 Aug)."""
    return add_months(start, months) - timedelta(days=1)


def stay_bounds(*, call: MobilityCall, start: date) -> tuple[date, date]:
    """The earliest and latest end a stay starting on `start` may have under `call`."""
    return stay_last_day(start, call.min_months), stay_last_day(start, call.max_months)


def share_of(amount: Decimal, percent: int) -> Decimal:
    return (Decimal(amount) * Decimal(percent) / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


# --- calls ------------------------------------------------------------------------------------------
def call_default_months(*, kind: str, on: date) -> tuple[int, int]:
    min_key, max_key = DEFAULT_MONTH_KEYS[kind]
    return parameter(min_key, on=on), parameter(max_key, on=on)


def _call_checked(*, kind, opens_on, closes_on, eligible_levels, hosts, min_months, max_months) -> dict:
    """The rules of a call's fields, for opening and for changing it."""
    errors = {}
    if closes_on < opens_on:
        errors["closes_on"] = _("The application window cannot close before it opens.")
    levels = "".join(code for code in "ABCD" if code in set(eligible_levels))
    if not levels:
        errors["eligible_levels"] = _("Choose at least one eligible level.")
    default_min, default_max = call_default_months(kind=kind, on=opens_on)
    min_months = default_min if min_months is None else min_months
    max_months = default_max if max_months is None else max_months
    if min_months < 1:
        errors["min_months"] = _("A stay lasts at least one month.")
    elif max_months < min_months:
        errors["max_months"] = _("The maximum stay cannot be shorter than the minimum stay.")
    names = list(dict.fromkeys(name.strip() for name in hosts if name.strip()))
    if not names:
        errors["hosts"] = _("Name at least one host organisation.")
    if errors:
        raise ValidationError(errors)
    return {"eligible_levels": levels, "min_months": min_months, "max_months": max_months, "hosts": names}


@transaction.atomic
def call_create(
    *,
    actor,
    title: str,
    kind: str,
    opens_on: date,
    closes_on: date,
    eligible_levels: list[str],
    hosts: list[str],
    min_months: int | None = None,
    max_months: int | None = None,
    description: str = "",
) -> MobilityCall:
    if not can_manage_calls(actor):
        raise PermissionDenied
    checked = _call_checked(
        kind=kind,
        opens_on=opens_on,
        closes_on=closes_on,
        eligible_levels=eligible_levels,
        hosts=hosts,
        min_months=min_months,
        max_months=max_months,
    )
    names = checked.pop("hosts")
    call = MobilityCall.objects.create(
        title=title,
        kind=kind,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=actor,
        **checked,
    )
    HostOrganisation.objects.bulk_create([HostOrganisation(call=call, name=name) for name in names])
    events.call_created(
        call=call, actor=actor, hosts=names, parameters=snapshot(list(DEFAULT_MONTH_KEYS[kind]), on=opens_on)
    )
    return call


@transaction.atomic
def call_update(
    *,
    actor,
    call_id: int,
    title: str,
    opens_on: date,
    closes_on: date,
    eligible_levels: list[str],
    hosts: list[str],
    min_months: int | None = None,
    max_months: int | None = None,
    description: str = "",
) -> MobilityCall:
    """Central HR corrects a call. Once people have applied, its levels and stay limits are what they applied
    under and stay as they are; a host someone chose cannot be taken away."""
    if not can_manage_calls(actor):
        raise PermissionDenied
    call = MobilityCall.objects.select_for_update().get(pk=call_id)
    checked = _call_checked(
        kind=call.kind,
        opens_on=opens_on,
        closes_on=closes_on,
        eligible_levels=eligible_levels,
        hosts=hosts,
        min_months=min_months,
        max_months=max_months,
    )
    names = checked.pop("hosts")
    if call.applications.exists():
        changed = [name for name, value in checked.items() if getattr(call, name) != value]
        if changed:
            raise ValidationError(
                {name: _("People have applied under this value; it cannot change any more.") for name in changed}
            )
    chosen = set(call.applications.filter(host__isnull=False).values_list("host__name", flat=True))
    if missing := sorted(chosen - set(names)):
        raise ValidationError(
            {"hosts": _("Applications name these hosts; keep them: %(names)s.") % {"names": ", ".join(missing)}}
        )
    before = _call_state(call)
    call.title, call.description, call.opens_on, call.closes_on = title, description, opens_on, closes_on
    for name, value in checked.items():
        setattr(call, name, value)
    call.save()
    call.hosts.exclude(name__in=names).delete()
    existing = set(call.hosts.values_list("name", flat=True))
    HostOrganisation.objects.bulk_create([HostOrganisation(call=call, name=n) for n in names if n not in existing])
    events.call_changed(call=call, actor=actor, before=before, after=_call_state(call))
    return call


def _call_state(call: MobilityCall) -> dict:
    return {
        "title": call.title,
        "opens_on": call.opens_on,
        "closes_on": call.closes_on,
        "eligible_levels": call.eligible_levels,
        "min_months": call.min_months,
        "max_months": call.max_months,
        "hosts": sorted(call.hosts.values_list("name", flat=True)),
    }


# --- applications -----------------------------------------------------------------------------------
def _application_lock(application_id: int) -> MobilityApplication:
    return (
        MobilityApplication.objects.select_for_update()
        .select_related("call", "staff", "staff__entity")
        .get(pk=application_id)
    )


def application_check(*, call: MobilityCall, staff: Staff, start: date, end: date, today: date) -> None:
    """The rules of one application against its call; raises a ValidationError naming the field."""
    if not (call.opens_on <= today <= call.closes_on):
        raise ValidationError(
            _("Applications for this call are accepted from %(opens)s to %(closes)s.")
            % {"opens": call.opens_on.isoformat(), "closes": call.closes_on.isoformat()}
        )
    if staff.level not in call.eligible_levels:
        raise ValidationError(
            _("This call is open to level %(levels)s; your level is %(level)s.")
            % {"levels": ", ".join(call.level_list), "level": staff.level}
        )
    if end < start:
        raise ValidationError({"end": _("The stay cannot end before it starts.")})
    if start <= today:
        raise ValidationError({"start": _("The stay must start after today.")})
    earliest, latest = stay_bounds(call=call, start=start)
    if end < earliest:
        raise ValidationError(
            {
                "end": _("A stay under this call lasts at least %(n)s month(s): end on %(day)s or later.")
                % {"n": call.min_months, "day": earliest.isoformat()}
            }
        )
    if end > latest:
        raise ValidationError(
            {
                "end": _("A stay under this call lasts at most %(n)s month(s): end on %(day)s at the latest.")
                % {"n": call.max_months, "day": latest.isoformat()}
            }
        )


@transaction.atomic
def application_submit(
    *,
    actor,
    call_id: int,
    start: date,
    end: date,
    host_id: int | None = None,
    motivation: str = "",
    today: date | None = None,
) -> MobilityApplication:
    """A staff member applies for themselves."""
    staff = staff_of(actor)
    if staff is None:
        raise PermissionDenied
    today = today or timezone.localdate()
    # Locking the call serialises applications to it, so one person cannot apply twice at once.
    call = MobilityCall.objects.select_for_update().get(pk=call_id)
    application_check(call=call, staff=staff, start=start, end=end, today=today)
    host = None
    if host_id is not None:
        host = HostOrganisation.objects.filter(call=call, pk=host_id).first()
        if host is None:
            raise ValidationError({"host": _("Choose one of this call's host organisations.")})
    if MobilityApplication.objects.filter(
        call=call, staff=staff, status__in=MobilityApplication.OPEN_STATUSES
    ).exists():
        raise ValidationError(_("You already have an open application for this call."))
    try:
        with transaction.atomic():
            application = MobilityApplication.objects.create(
                call=call, staff=staff, host=host, start=start, end=end, motivation=motivation
            )
    except IntegrityError:
        raise ValidationError(_("You already have an open application for this call.")) from None
    events.application_submitted(
        application=application,
        actor=actor,
        limits={"min_months": call.min_months, "max_months": call.max_months, "levels": call.eligible_levels},
    )
    from ..tasks_international import notify_application_submitted

    notify_application_submitted.delay_on_commit(application.pk)
    return application


@transaction.atomic
def application_manager_decide(*, actor, application_id: int, agree: bool, reason: str = "") -> MobilityApplication:
    application = _application_lock(application_id)
    if not can_decide_as_manager(user=actor, application=application):
        raise PermissionDenied
    if application.status != Status.SUBMITTED:
        raise ValidationError(_("Only an application awaiting the manager's agreement can be decided."))
    if not agree and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the refusal.")})
    before = application.status
    application.status = Status.AWAITING_HOST if agree else Status.MANAGER_REFUSED
    application.manager_decided_by = staff_of(actor)
    application.manager_decided_at = timezone.now()
    application.manager_reason = reason.strip()
    application.save(update_fields=["status", "manager_decided_by", "manager_decided_at", "manager_reason"])
    events.application_decided(application=application, actor=actor, before=before, note=application.manager_reason)
    from ..tasks_international import notify_application_decided, notify_host_answer_needed

    notify_application_decided.delay_on_commit(application.pk)
    if agree:
        notify_host_answer_needed.delay_on_commit(application.pk)
    return application


HOST_OUTCOMES = {
    "green_light": Status.HOST_APPROVED,
    "counterpart_sought": Status.COUNTERPART_SOUGHT,
    "refused": Status.HOST_REFUSED,
}


@transaction.atomic
def application_host_decide(*, actor, application_id: int, outcome: str, note: str = "") -> MobilityApplication:
    """HR records the host's answer: green light, a counterpart is still sought, or a refusal."""
    application = _application_lock(application_id)
    if not can_record_host_decision(user=actor, application=application):
        raise PermissionDenied
    if outcome not in HOST_OUTCOMES:
        raise ValidationError({"outcome": _("Unknown answer of the host.")})
    if application.status not in (Status.AWAITING_HOST, Status.COUNTERPART_SOUGHT):
        raise ValidationError(_("The host's answer is recorded after the manager's agreement, and only once."))
    if outcome == "refused" and not note.strip():
        raise ValidationError({"note": _("Give the host's reason for the refusal.")})
    before = application.status
    application.status = HOST_OUTCOMES[outcome]
    application.host_decided_by = actor
    application.host_decided_at = timezone.now()
    application.host_note = note.strip()
    application.save(update_fields=["status", "host_decided_by", "host_decided_at", "host_note"])
    events.application_decided(application=application, actor=actor, before=before, note=application.host_note)
    from ..tasks_international import notify_application_decided

    notify_application_decided.delay_on_commit(application.pk)
    return application


@transaction.atomic
def application_withdraw(*, actor, application_id: int) -> MobilityApplication:
    application = _application_lock(application_id)
    if not can_withdraw(user=actor, application=application):
        raise PermissionDenied
    if application.status not in (Status.SUBMITTED, Status.AWAITING_HOST, Status.COUNTERPART_SOUGHT):
        raise ValidationError(_("Only an application that is still being decided can be withdrawn."))
    before = application.status
    application.status = Status.WITHDRAWN
    application.save(update_fields=["status"])
    events.application_decided(application=application, actor=actor, before=before)
    return application


# --- expense claims ---------------------------------------------------------------------------------
@transaction.atomic
def expense_claim_file(
    *,
    actor,
    application_id: int,
    kind: str,
    claim_date: date,
    amount: Decimal,
    description: str = "",
    today: date | None = None,
) -> ExpenseClaim:
    """Travel or stay costs; the central share uses the parameter in force on the claim date."""
    application = _application_lock(application_id)
    if not can_file_claim(user=actor, application=application):
        raise PermissionDenied
    today = today or timezone.localdate()
    if application.status != Status.HOST_APPROVED:
        raise ValidationError(_("Costs can be claimed once the host has given its green light."))
    if kind not in ExpenseClaim.Kind.values:
        raise ValidationError({"kind": _("Choose travel or stay.")})
    if amount is None or amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if claim_date > today:
        raise ValidationError({"claim_date": _("A claim cannot be dated in the future.")})
    percent = parameter(REIMBURSED_KEY, on=claim_date)
    claim = ExpenseClaim.objects.create(
        application=application,
        kind=kind,
        claim_date=claim_date,
        amount=amount,
        description=description,
        reimbursed_percent=percent,
        reimbursed_amount=share_of(amount, percent),
        filed_by=actor,
    )
    events.claim_filed(claim=claim, actor=actor, parameters=snapshot([REIMBURSED_KEY], on=claim_date))
    return claim


# --- external mobility ------------------------------------------------------------------------------
@transaction.atomic
def vacancy_create(
    *, actor, title: str, entity, level: str, closes_on: date, description: str = "", today: date | None = None
) -> ExternalVacancy:
    if not can_manage_external(actor):
        raise PermissionDenied
    if closes_on < (today or timezone.localdate()):
        raise ValidationError({"closes_on": _("The closing date cannot lie in the past.")})
    vacancy = ExternalVacancy.objects.create(
        title=title, entity=entity, level=level, closes_on=closes_on, description=description, created_by=actor
    )
    events.vacancy_changed(vacancy=vacancy, actor=actor, action="mobility.external.vacancy_created")
    return vacancy


@transaction.atomic
def vacancy_close(*, actor, vacancy_id: int) -> ExternalVacancy:
    if not can_manage_external(actor):
        raise PermissionDenied
    vacancy = ExternalVacancy.objects.select_for_update().get(pk=vacancy_id)
    if vacancy.status == ExternalVacancy.Status.CLOSED:
        raise ValidationError(_("This vacancy is already closed."))
    vacancy.status = ExternalVacancy.Status.CLOSED
    vacancy.save(update_fields=["status"])
    events.vacancy_changed(vacancy=vacancy, actor=actor, action="mobility.external.vacancy_closed")
    return vacancy


@transaction.atomic
def external_applicant_record(
    *,
    actor,
    vacancy_id: int,
    first_name: str,
    last_name: str,
    email: str,
    origin: str,
    employer: str,
    permanently_appointed: bool,
    seniority_years: int,
    seniority_months: int,
    today: date | None = None,
) -> ExternalApplicant:
    """HR records an applicant from another public body; only permanently appointed staff are eligible."""
    if not can_manage_external(actor):
        raise PermissionDenied
    vacancy = ExternalVacancy.objects.select_for_update().get(pk=vacancy_id)
    today = today or timezone.localdate()
    if vacancy.status != ExternalVacancy.Status.OPEN or vacancy.closes_on < today:
        raise ValidationError(_("This vacancy no longer accepts applicants."))
    if origin not in ExternalApplicant.Origin.values:
        raise ValidationError(
            {
                "origin": _(
                    "External mobility is open to local governments, education and its "
                    "inspection, and the Flemish Parliament."
                )
            }
        )
    if not permanently_appointed:
        raise ValidationError(
            {
                "permanently_appointed": _(
                    "Not eligible: only permanently appointed staff of those bodies may apply through external "
                    "mobility."
                )
            }
        )
    if not (0 <= seniority_months <= 11):
        raise ValidationError({"seniority_months": _("Months of seniority run from 0 to 11.")})
    email = email.strip().lower()
    if ExternalApplicant.objects.filter(vacancy=vacancy, email=email).exists():
        raise ValidationError({"email": _("This person is already recorded on this vacancy.")})
    applicant = ExternalApplicant.objects.create(
        vacancy=vacancy,
        first_name=first_name,
        last_name=last_name,
        email=email,
        origin=origin,
        employer=employer,
        permanently_appointed=True,
        seniority_years=seniority_years,
        seniority_months=seniority_months,
        recorded_by=actor,
    )
    events.applicant_recorded(applicant=applicant, actor=actor)
    return applicant


@transaction.atomic
def external_selection_record(
    *, actor, applicant_id: int, passed: bool, selection_date: date, note: str = "", today: date | None = None
) -> ExternalApplicant:
    """The outcome of the shortened selection; recorded once."""
    if not can_manage_external(actor):
        raise PermissionDenied
    applicant = ExternalApplicant.objects.select_for_update().select_related("vacancy").get(pk=applicant_id)
    if applicant.selection != ExternalApplicant.Selection.PENDING:
        raise ValidationError(_("The outcome of this selection is already recorded."))
    if selection_date > (today or timezone.localdate()):
        raise ValidationError({"selection_date": _("The selection cannot be dated in the future.")})
    applicant.selection = ExternalApplicant.Selection.PASSED if passed else ExternalApplicant.Selection.FAILED
    applicant.selection_date = selection_date
    applicant.selection_note = note.strip()
    applicant.save(update_fields=["selection", "selection_date", "selection_note"])
    events.selection_recorded(applicant=applicant, actor=actor)
    return applicant


# --- detachments ------------------------------------------------------------------------------------
@transaction.atomic
def detachment_register(
    *,
    actor,
    staff_id: int,
    institution: str,
    start: date,
    annual_salary_cost: Decimal,
    institution_pays_salary: bool,
    end: date | None = None,
    country: str = "",
) -> Detachment:
    """Central compensation of half the salary cost (parameter on the start date) when the institution does not pay."""
    if not can_manage_detachments(actor):
        raise PermissionDenied
    staff = Staff.objects.select_for_update().get(pk=staff_id)
    if end is not None and end < start:
        raise ValidationError({"end": _("The detachment cannot end before it starts.")})
    if annual_salary_cost is None or annual_salary_cost < 0:
        raise ValidationError({"annual_salary_cost": _("The salary cost cannot be negative.")})
    overlapping = Detachment.objects.filter(staff=staff, start__lte=end or date.max).exclude(end__lt=start)
    if overlapping.exists():
        raise ValidationError(_("This person already has a detachment in that period."))
    percent = parameter(COMPENSATED_KEY, on=start)
    detachment = Detachment.objects.create(
        staff=staff,
        institution=institution,
        country=country,
        start=start,
        end=end,
        annual_salary_cost=annual_salary_cost,
        institution_pays_salary=institution_pays_salary,
        compensated_percent=percent,
        compensation_amount=Decimal("0.00") if institution_pays_salary else share_of(annual_salary_cost, percent),
        created_by=actor,
    )
    events.detachment_registered(detachment=detachment, actor=actor, parameters=snapshot([COMPENSATED_KEY], on=start))
    return detachment
