from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hrportal.models import Staff
from hrportal.parameters.selectors import parameter, snapshot
from mobility.international import events
from mobility.international.permissions import (
    can_manage_detachments,
    can_manage_external,
)
from mobility.international.services.stays import share_of
from mobility.models import (
    Detachment,
    ExternalApplicant,
    ExternalVacancy,
)

COMPENSATED_KEY = "mobility.detachment.compensated_salary_share_percent"


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
