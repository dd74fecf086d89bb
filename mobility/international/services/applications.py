from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from hrportal.inputs import date_check_bounds
from hrportal.jobs import job_enqueue
from hrportal.models import Staff
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.roles import staff_of
from mobility.international import events
from mobility.international.permissions import (
    can_decide_as_manager,
    can_file_claim,
    can_record_host_decision,
    can_withdraw,
)
from mobility.international.services.stays import share_of, stay_bounds
from mobility.models import (
    ExpenseClaim,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)

REIMBURSED_KEY = "mobility.international.reimbursed_cost_share_percent"
# Costs are dated within the stay or a window around it (bookings before, invoices after).
CLAIM_BEFORE_KEY = "mobility.international.claim_days_before_stay"
CLAIM_AFTER_KEY = "mobility.international.claim_days_after_stay"
Status = MobilityApplication.Status


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
    job_enqueue("mobility.international.tasks.notify_application_submitted", application.pk)
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
    job_enqueue("mobility.international.tasks.notify_application_decided", application.pk)
    if agree:
        job_enqueue("mobility.international.tasks.notify_host_answer_needed", application.pk)
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
    job_enqueue("mobility.international.tasks.notify_application_decided", application.pk)
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
    date_check_bounds(field="claim_date", value=claim_date)
    window = snapshot([CLAIM_BEFORE_KEY, CLAIM_AFTER_KEY], on=claim_date)["values"]
    first = application.start - timedelta(days=window[CLAIM_BEFORE_KEY])
    last = application.end + timedelta(days=window[CLAIM_AFTER_KEY])
    if not (first <= claim_date <= last):
        raise ValidationError(
            {
                "claim_date": _(
                    "A claim is dated within the stay, or from %(before)s days before it to %(after)s days after "
                    "it: between %(first)s and %(last)s."
                )
                % {
                    "before": window[CLAIM_BEFORE_KEY],
                    "after": window[CLAIM_AFTER_KEY],
                    "first": formats.date_format(first, "SHORT_DATE_FORMAT"),
                    "last": formats.date_format(last, "SHORT_DATE_FORMAT"),
                }
            }
        )
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
