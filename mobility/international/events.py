"""One function per audit event of the international part, written inside the transaction of the change."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from hrportal.audit.services import audit_record
from mobility.international.models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    MobilityApplication,
    MobilityCall,
)

_APPLICATION = {"model": MobilityApplication}
register_events(
    EventType("mobility.international.call_created", _("International mobility call opened"), model=MobilityCall),
    EventType("mobility.international.call_changed", _("International mobility call changed"), model=MobilityCall),
    EventType("mobility.international.application_submitted", _("Applied to an international call"), **_APPLICATION),
    EventType(
        "mobility.international.application_manager_refused", _("Manager refused the application"), **_APPLICATION
    ),
    EventType(
        "mobility.international.application_awaiting_host", _("Manager agreed to the application"), **_APPLICATION
    ),
    EventType(
        "mobility.international.application_counterpart_sought",
        _("Counterpart sought for the application"),
        **_APPLICATION,
    ),
    EventType("mobility.international.application_host_approved", _("Host gave the green light"), **_APPLICATION),
    EventType("mobility.international.application_host_refused", _("Host refused the application"), **_APPLICATION),
    EventType("mobility.international.application_withdrawn", _("International application withdrawn"), **_APPLICATION),
    EventType("mobility.international.claim_filed", _("Expense claim filed"), model=ExpenseClaim),
    EventType("mobility.external.vacancy_created", _("Vacancy opened to external mobility"), model=ExternalVacancy),
    EventType("mobility.external.vacancy_closed", _("Vacancy for external mobility closed"), model=ExternalVacancy),
    EventType("mobility.external.applicant_recorded", _("External applicant recorded"), model=ExternalApplicant),
    EventType("mobility.external.selection_recorded", _("Selection result recorded"), model=ExternalApplicant),
    EventType("mobility.detachment.registered", _("Detachment registered"), model=Detachment),
)


def call_created(*, call, actor, hosts, parameters):
    audit_record(
        actor=actor,
        action="mobility.international.call_created",
        target=call,
        after={
            "title": call.title,
            "kind": call.kind,
            "opens_on": call.opens_on,
            "closes_on": call.closes_on,
            "eligible_levels": call.eligible_levels,
            "min_months": call.min_months,
            "max_months": call.max_months,
            "hosts": hosts,
        },
        parameters=parameters,
    )


def call_changed(*, call, actor, before, after):
    audit_record(actor=actor, action="mobility.international.call_changed", target=call, before=before, after=after)


def application_submitted(*, application, actor, limits):
    audit_record(
        actor=actor,
        action="mobility.international.application_submitted",
        target=application,
        staff=application.staff,
        after={
            "call": application.call_id,
            "start": application.start,
            "end": application.end,
            "host": application.host_id,
            "status": application.status,
        },
        parameters={"call_limits": limits},
    )


def application_decided(*, application, actor, before, note=""):
    audit_record(
        actor=actor,
        action=f"mobility.international.application_{application.status}",
        target=application,
        staff=application.staff,
        before={"status": before},
        after={"status": application.status},
        note=note,
    )


def claim_filed(*, claim, actor, parameters):
    application = claim.application
    audit_record(
        actor=actor,
        action="mobility.international.claim_filed",
        target=claim,
        staff=application.staff,
        after={
            "application": application.pk,
            "kind": claim.kind,
            "claim_date": claim.claim_date,
            "amount": claim.amount,
            "reimbursed_percent": claim.reimbursed_percent,
            "reimbursed_amount": claim.reimbursed_amount,
        },
        parameters=parameters,
    )


def vacancy_changed(*, vacancy, actor, action):
    audit_record(
        actor=actor,
        action=action,
        target=vacancy,
        entity=vacancy.entity,
        after={
            "title": vacancy.title,
            "level": vacancy.level,
            "closes_on": vacancy.closes_on,
            "status": vacancy.status,
        },
    )


def applicant_recorded(*, applicant, actor):
    audit_record(
        actor=actor,
        action="mobility.external.applicant_recorded",
        target=applicant,
        entity=applicant.vacancy.entity,
        after={
            "vacancy": applicant.vacancy_id,
            "origin": applicant.origin,
            "permanently_appointed": applicant.permanently_appointed,
            "seniority_years": applicant.seniority_years,
            "seniority_months": applicant.seniority_months,
        },
    )


def selection_recorded(*, applicant, actor):
    audit_record(
        actor=actor,
        action="mobility.external.selection_recorded",
        target=applicant,
        entity=applicant.vacancy.entity,
        before={"selection": "pending"},
        after={"selection": applicant.selection, "selection_date": applicant.selection_date},
        note=applicant.selection_note,
    )


def detachment_registered(*, detachment, actor, parameters):
    audit_record(
        actor=actor,
        action="mobility.detachment.registered",
        target=detachment,
        staff=detachment.staff,
        after={
            "institution": detachment.institution,
            "start": detachment.start,
            "end": detachment.end,
            "annual_salary_cost": detachment.annual_salary_cost,
            "institution_pays_salary": detachment.institution_pays_salary,
            "compensated_percent": detachment.compensated_percent,
            "compensation_amount": detachment.compensation_amount,
        },
        parameters=parameters,
    )
