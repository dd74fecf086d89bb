from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.inputs import date_check_bounds, unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.models import Entity, Staff
from hrportal.parameters.selectors import parameter, snapshot
from leadership.models import (
    AnnualEvaluation,
    Mandate,
    MandateEvaluation,
    Registration,
    TopCandidate,
    TopSession,
    Vacancy,
)
from leadership.topmanagement.models import STAGE_ORDER, add_months
from leadership.topmanagement.permissions import can_manage_top, can_register

MANDATE_KEYS = ["leadership.top_mandate_years"]


def _require_manager(actor) -> None:
    if not can_manage_top(actor):
        raise PermissionDenied


def _mandate_lock(mandate_id: int) -> Mandate:
    return Mandate.objects.select_for_update().select_related("official", "entity").get(pk=mandate_id)


@transaction.atomic
def mandate_create(*, actor, official: Staff, entity: Entity, function_title: str, start: date) -> Mandate:
    """Central HR records a top official's mandate; it ends after `leadership.top_mandate_years`."""
    _require_manager(actor)
    errors = {}
    if not official.is_active:
        errors["official"] = _("This person is no longer in service.")
    if not function_title or not function_title.strip():
        errors["function_title"] = _("Name the function.")
    if errors:
        raise ValidationError(errors)
    date_check_bounds(value=start, field="start")
    Staff.objects.select_for_update().filter(pk=official.pk).first()  # one running mandate per official
    if Mandate.objects.filter(official=official, status=Mandate.Status.ACTIVE).exists():
        raise ValidationError({"official": _("This official already has a running mandate.")})
    years = int(parameter("leadership.top_mandate_years", on=start))
    mandate = Mandate.objects.create(
        official=official,
        entity=entity,
        function_title=function_title.strip(),
        start=start,
        end=add_months(start, 12 * years),
    )
    audit_record(
        actor=actor,
        action="leadership.top_mandate.created",
        target=mandate,
        staff=official,
        entity=entity,
        after={"start": start, "end": mandate.end, "term": 1},
        parameters=snapshot(MANDATE_KEYS, on=start),
    )
    return mandate


@transaction.atomic
def mandate_evaluate(*, actor, mandate_id: int, evaluated_on: date, result: str, note: str = "") -> MandateEvaluation:
    """The end-of-mandate evaluation, once per mandate."""
    _require_manager(actor)
    mandate = _mandate_lock(mandate_id)
    if MandateEvaluation.objects.filter(mandate=mandate).exists():
        raise ValidationError(_("This mandate already has its end-of-mandate evaluation."))
    if result not in MandateEvaluation.Result.values:
        raise ValidationError({"result": _("Choose a result.")})
    date_check_bounds(value=evaluated_on, field="evaluated_on")
    if evaluated_on < mandate.start:
        raise ValidationError({"evaluated_on": _("The evaluation cannot be before the mandate started.")})
    evaluation = MandateEvaluation.objects.create(
        mandate=mandate, evaluated_on=evaluated_on, result=result, note=(note or "").strip(), evaluated_by=actor
    )
    audit_record(
        actor=actor,
        action="leadership.top_mandate.evaluated",
        target=mandate,
        staff=mandate.official,
        entity=mandate.entity,
        after={"result": result, "evaluated_on": evaluated_on},
    )
    job_enqueue("leadership.topmanagement.tasks.notify_mandate_evaluated", mandate.pk)
    return evaluation


@transaction.atomic
def mandate_renew(*, actor, mandate_id: int) -> Mandate:
    """A new mandate that follows a running one, only after a positive end-of-mandate evaluation."""
    _require_manager(actor)
    mandate = _mandate_lock(mandate_id)
    if mandate.status != Mandate.Status.ACTIVE:
        raise ValidationError(_("Only a running mandate can be renewed."))
    evaluation = MandateEvaluation.objects.filter(mandate=mandate).first()
    if evaluation is None:
        raise ValidationError(_("A mandate is renewed only after its end-of-mandate evaluation."))
    if evaluation.result != MandateEvaluation.Result.POSITIVE:
        raise ValidationError(_("A mandate is renewed only after a positive end-of-mandate evaluation."))
    start = mandate.end
    years = int(parameter("leadership.top_mandate_years", on=start))
    renewal = Mandate.objects.create(
        official=mandate.official,
        entity=mandate.entity,
        function_title=mandate.function_title,
        start=start,
        end=add_months(start, 12 * years),
        term=mandate.term + 1,
        previous=mandate,
    )
    mandate.status = Mandate.Status.RENEWED
    mandate.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="leadership.top_mandate.renewed",
        target=renewal,
        staff=mandate.official,
        entity=mandate.entity,
        before={"mandate": mandate.pk, "end": mandate.end},
        after={"start": start, "end": renewal.end, "term": renewal.term},
        parameters=snapshot(MANDATE_KEYS, on=start),
    )
    return renewal


@transaction.atomic
def mandate_end(*, actor, mandate_id: int) -> Mandate:
    """Close a running mandate that is not renewed."""
    _require_manager(actor)
    mandate = _mandate_lock(mandate_id)
    if mandate.status != Mandate.Status.ACTIVE:
        raise ValidationError(_("Only a running mandate can be ended."))
    mandate.status = Mandate.Status.ENDED
    mandate.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="leadership.top_mandate.ended",
        target=mandate,
        staff=mandate.official,
        entity=mandate.entity,
        before={"status": Mandate.Status.ACTIVE},
        after={"status": Mandate.Status.ENDED},
    )
    return mandate


@transaction.atomic
def annual_evaluation_record(
    *, actor, official: Staff, year: int, rating: str, evaluated_on: date, note: str = ""
) -> AnnualEvaluation:
    """The annual evaluation of a top official: one per year."""
    _require_manager(actor)
    errors = {}
    if official.management_tier != Staff.Tier.TOP:
        errors["official"] = _("Only top officials (N) get this annual evaluation.")
    if rating not in AnnualEvaluation.Rating.values:
        errors["rating"] = _("Choose a rating.")
    if year is None or not (1990 <= year <= timezone.localdate().year + 1):
        errors["year"] = _("Give a year between 1990 and next year.")
    if errors:
        raise ValidationError(errors)
    date_check_bounds(value=evaluated_on, field="evaluated_on")
    if AnnualEvaluation.objects.filter(official=official, year=year).exists():
        raise ValidationError({"year": _("This official already has an evaluation for this year.")})
    with unique_or_invalid(_("This official already has an evaluation for this year."), field="year"):
        evaluation = AnnualEvaluation.objects.create(
            official=official,
            year=year,
            rating=rating,
            evaluated_on=evaluated_on,
            note=(note or "").strip(),
            evaluated_by=actor,
        )
    audit_record(
        actor=actor,
        action="leadership.top_evaluation.recorded",
        target=evaluation,
        staff=official,
        after={"year": year, "rating": rating},
    )
    job_enqueue("leadership.topmanagement.tasks.notify_annual_evaluation", evaluation.pk)
    return evaluation


@transaction.atomic
def vacancy_create(
    *, actor, title: str, year: int, kind: str = Vacancy.Kind.TOP_FUNCTION, entity=None, selection_office: str = ""
) -> Vacancy:
    _require_manager(actor)
    errors = {}
    if not title or not title.strip():
        errors["title"] = _("Give the vacancy a title.")
    if kind not in Vacancy.Kind.values:
        errors["kind"] = _("Choose a kind.")
    if year is None or not (1990 <= year <= timezone.localdate().year + 1):
        errors["year"] = _("Give a year between 1990 and next year.")
    if errors:
        raise ValidationError(errors)
    vacancy = Vacancy.objects.create(
        title=title.strip(), year=year, kind=kind, entity=entity, selection_office=(selection_office or "").strip()
    )
    audit_record(
        actor=actor, action="leadership.top_vacancy.created", target=vacancy, entity=entity, after={"year": year}
    )
    return vacancy


@transaction.atomic
def vacancy_close(*, actor, vacancy_id: int) -> Vacancy:
    _require_manager(actor)
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy_id)
    if vacancy.status != Vacancy.Status.OPEN:
        raise ValidationError(_("This vacancy is already closed."))
    vacancy.status = Vacancy.Status.CLOSED
    vacancy.save(update_fields=["status"])
    audit_record(actor=actor, action="leadership.top_vacancy.closed", target=vacancy, entity=vacancy.entity)
    return vacancy


@transaction.atomic
def candidate_save(
    *,
    actor,
    vacancy_id: int,
    name: str,
    gender: str,
    stage: str,
    outcome: str,
    candidate_id: int | None = None,
    staff: Staff | None = None,
) -> TopCandidate:
    """Add a candidate to a vacancy's funnel or record the stage reached and the outcome. An appointment is
    the last stage; a top function has at most one appointed candidate."""
    _require_manager(actor)
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy_id)
    errors = {}
    if not name or not name.strip():
        errors["name"] = _("Give the candidate's name.")
    if gender not in Staff.Gender.values:
        errors["gender"] = _("Record the candidate's gender (for monitoring).")
    if stage not in TopCandidate.Stage.values:
        errors["stage"] = _("Choose the stage reached.")
    if outcome not in TopCandidate.Outcome.values:
        errors["outcome"] = _("Choose an outcome.")
    if errors:
        raise ValidationError(errors)
    if outcome == TopCandidate.Outcome.APPOINTED and stage != TopCandidate.Stage.APPOINTMENT:
        raise ValidationError({"stage": _("An appointed candidate has reached the appointment stage.")})
    if stage == TopCandidate.Stage.APPOINTMENT and outcome not in (
        TopCandidate.Outcome.APPOINTED,
        TopCandidate.Outcome.WITHDRAWN,
    ):
        raise ValidationError({"outcome": _("At the appointment stage the outcome is appointed or withdrawn.")})
    if outcome == TopCandidate.Outcome.APPOINTED and vacancy.kind == Vacancy.Kind.TOP_FUNCTION:
        others = vacancy.candidates.filter(outcome=TopCandidate.Outcome.APPOINTED).exclude(pk=candidate_id)
        if others.exists():
            raise ValidationError({"outcome": _("Another candidate was already appointed to this function.")})
    if candidate_id is None:
        candidate = TopCandidate(vacancy=vacancy)
        before = None
    else:
        candidate = TopCandidate.objects.select_for_update().get(pk=candidate_id, vacancy=vacancy)
        before = {"stage": candidate.stage, "outcome": candidate.outcome}
    candidate.name, candidate.gender, candidate.stage, candidate.outcome = name.strip(), gender, stage, outcome
    if staff is not None:
        candidate.staff = staff
    candidate.save()
    audit_record(
        actor=actor,
        action="leadership.top_candidate.saved",
        target=candidate,
        entity=vacancy.entity,
        before=before,
        after={"stage": stage, "outcome": outcome, "stage_index": STAGE_ORDER.index(stage)},
    )
    return candidate


@transaction.atomic
def session_create(
    *, actor, kind: str, title: str, held_on: date, capacity: int, place: str = "", description: str = ""
) -> TopSession:
    _require_manager(actor)
    errors = {}
    if kind not in TopSession.Kind.values:
        errors["kind"] = _("Choose a kind of session.")
    if not title or not title.strip():
        errors["title"] = _("Give the session a title.")
    if capacity is None or capacity < 1:
        errors["capacity"] = _("Offer at least one place.")
    if errors:
        raise ValidationError(errors)
    date_check_bounds(value=held_on, field="held_on")
    session = TopSession.objects.create(
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        capacity=capacity,
        place=(place or "").strip(),
        description=(description or "").strip(),
    )
    audit_record(actor=actor, action="leadership.top_session.created", target=session, after={"kind": kind})
    return session


@transaction.atomic
def registration_create(*, actor, session_id: int, mailing_opt_in: bool = False) -> Registration:
    """Register oneself for a session while places remain; the opt-in puts one on the mailing list."""
    session = TopSession.objects.select_for_update().get(pk=session_id)  # serialises the capacity check
    if not can_register(user=actor, session=session):
        raise PermissionDenied
    if session.cancelled_on is not None:
        raise ValidationError(_("This session has been cancelled."))
    if session.held_on < timezone.localdate():
        raise ValidationError(_("This session has already taken place."))
    me = actor.staff
    if Registration.objects.filter(session=session, staff=me).exists():
        raise ValidationError(_("You are already registered for this session."))
    taken = Registration.objects.filter(session=session).count()
    if taken >= session.capacity:
        raise ValidationError(_("This session is full."))
    with unique_or_invalid(_("You are already registered for this session."), field=None):
        registration = Registration.objects.create(
            session=session, staff=me, mailing_opt_in=bool(mailing_opt_in and session.open_to_all)
        )
    audit_record(
        actor=actor,
        action="leadership.top_registration.created",
        target=registration,
        staff=me,
        after={"session": session.pk, "mailing_opt_in": registration.mailing_opt_in},
        parameters={"capacity": session.capacity, "taken_before": taken},
    )
    job_enqueue("leadership.topmanagement.tasks.notify_registration", registration.pk)
    return registration


@transaction.atomic
def registration_cancel(*, actor, registration_id: int) -> None:
    registration = Registration.objects.select_for_update().select_related("session", "staff").get(pk=registration_id)
    if registration.staff.user_id != actor.pk and not can_manage_top(actor):
        raise PermissionDenied
    if registration.session.held_on < timezone.localdate():
        raise ValidationError(_("This session has already taken place."))
    if registration.session.cancelled_on is not None:
        raise ValidationError(_("This session has been cancelled."))
    audit_record(
        actor=actor,
        action="leadership.top_registration.cancelled",
        target=registration,
        staff=registration.staff,
        before={"session": registration.session_id},
    )
    registration.delete()


def _session_lock(session_id: int) -> TopSession:
    """The session row, locked: the same lock as a registration's capacity check, so a cancellation or an
    attendance record and a registration never interleave."""
    session = TopSession.objects.select_for_update().filter(pk=session_id).first()
    if session is None:
        raise PermissionDenied
    return session


@transaction.atomic
def session_cancel(*, actor, session_id: int, reason: str) -> TopSession:
    """Central HR cancels a session that has not taken place, with a reason; the registrants are told."""
    _require_manager(actor)
    session = _session_lock(session_id)
    if session.cancelled_on is not None:
        raise ValidationError(_("This session has already been cancelled."))
    today = timezone.localdate()
    if session.held_on < today:
        raise ValidationError(_("This session has already taken place."))
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Say why the session is cancelled.")})
    session.cancelled_on, session.cancel_reason = today, reason.strip()
    session.save(update_fields=["cancelled_on", "cancel_reason"])
    audit_record(
        actor=actor,
        action="leadership.top_session.cancelled",
        target=session,
        after={"cancelled_on": today, "reason": session.cancel_reason},
        parameters={"registrations": session.registrations.count()},
    )
    job_enqueue("leadership.topmanagement.tasks.notify_session_cancelled", session.pk)
    return session


@transaction.atomic
def session_attendance_record(*, actor, session_id: int, attended: Iterable[int]) -> int:
    """Central HR records who came, from the session's day on: the registrations in `attended` attended,
    every other registration of the session did not. Returns how many attended."""
    _require_manager(actor)
    session = _session_lock(session_id)
    if session.cancelled_on is not None:
        raise ValidationError(_("This session has been cancelled."))
    if session.held_on > timezone.localdate():
        raise ValidationError(_("Attendance can be recorded from the day of the session on."))
    chosen = set(attended)
    registrations = dict(session.registrations.values_list("pk", "attended"))
    if chosen - registrations.keys():
        raise ValidationError({"attended": _("Choose registrations of this session only.")})
    session.registrations.update(attended=Case(When(pk__in=chosen, then=True), default=False))
    audit_record(
        actor=actor,
        action="leadership.top_session.attendance",
        target=session,
        before={"attended": sorted(pk for pk, value in registrations.items() if value)},
        after={"attended": sorted(chosen)},
    )
    return len(chosen)


@transaction.atomic
def mailing_unsubscribe(*, staff_id: int, actor=None) -> int:
    """Take a person off the mailing list: every opt-in of theirs is withdrawn (from the portal, signed in,
    or from the signed link in a mail, `actor` None). Harmless when repeated; returns the opt-ins withdrawn."""
    staff = Staff.objects.filter(pk=staff_id).first()
    if staff is None:
        return 0
    withdrawn = Registration.objects.filter(staff=staff, mailing_opt_in=True).update(mailing_opt_in=False)
    if withdrawn:
        audit_record(
            actor=actor,
            action="leadership.top_mailing.unsubscribed",
            target=staff,
            staff=staff,
            before={"opt_ins": withdrawn},
            after={"opt_ins": 0},
            note="signed link" if actor is None else "",
        )
    return withdrawn
