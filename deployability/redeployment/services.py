"""Every write of redeployment: trajectories, registration, admissibility, vacancies and offers."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deployability.redeployment.models import (
    GRADE_ORDER,
    GRADE_RANK,
    GuidanceTrajectory,
    InternalTrajectory,
    Offer,
    RedeploymentCandidate,
    TeamMeeting,
    TeamMember,
    TrajectoryStep,
    Vacancy,
    VacancyCompetency,
    grade_is_equal_or_lower,
)
from deployability.redeployment.permissions import (
    can_answer_offer,
    can_decide_candidate,
    can_manage_vacancy,
    can_register,
    can_run_trajectory,
)
from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Competency, Entity, Function, HrOfficerScope, Staff, User
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.scoping import can_work_hr_case, hr_entities_of
from mobility.marketplace.services import request_create
from reward.matrix.services import staff_function_set

MAX_REFUSALS = "deployability.redeployment.max_refusals"
PRIORITY_DAYS = "deployability.redeployment.priority_days"
Status = RedeploymentCandidate.Status


def _text(value) -> str:
    return (value or "").strip()


# --- Guidance trajectory ---------------------------------------------------------------------------------


@transaction.atomic
def trajectory_open(
    *,
    actor,
    staff: Staff,
    kind: str,
    goal: str,
    started_on: date,
    steps: list[tuple[str, date]] | None = None,
    reason: str = GuidanceTrajectory.Reason.REDEPLOYMENT,
) -> GuidanceTrajectory:
    """The line manager (or HR of the entity) opens a guidance and support trajectory with steps and dates."""
    if not can_run_trajectory(user=actor, staff=staff):
        raise PermissionDenied
    errors = {}
    if kind not in GuidanceTrajectory.Kind.values:
        errors["kind"] = _("Choose training, development or coaching.")
    if not _text(goal):
        errors["goal"] = _("Describe the goal of the trajectory.")
    if started_on is None:
        errors["started_on"] = _("Give the start date.")
    steps = [(_text(title), day) for title, day in (steps or []) if _text(title)]
    if started_on is not None and any(day is None or day < started_on for _title, day in steps):
        errors["steps"] = _("Every step needs a date on or after the start.")
    if errors:
        raise ValidationError(errors)
    trajectory = GuidanceTrajectory.objects.create(
        staff=staff, kind=kind, reason=reason, goal=_text(goal), started_on=started_on, opened_by=actor
    )
    TrajectoryStep.objects.bulk_create(
        [TrajectoryStep(trajectory=trajectory, title=title[:200], planned_on=day) for title, day in steps]
    )
    audit_record(
        actor=actor,
        action="deployability.trajectory.opened",
        target=trajectory,
        staff=staff,
        after={"kind": kind, "reason": reason, "started_on": started_on, "steps": len(steps)},
    )
    job_enqueue("deployability.redeployment.tasks.notify_trajectory_opened", trajectory.pk)
    return trajectory


def _trajectory_open_locked(*, actor, trajectory_id: int, closed) -> GuidanceTrajectory:
    """The trajectory, locked, if the actor may run it; `closed` is the error when it is no longer open."""
    trajectory = GuidanceTrajectory.objects.select_for_update().select_related("staff").get(pk=trajectory_id)
    if not can_run_trajectory(user=actor, staff=trajectory.staff):
        raise PermissionDenied
    if trajectory.status != GuidanceTrajectory.Status.OPEN:
        raise ValidationError(closed)
    return trajectory


@transaction.atomic
def trajectory_step_add(*, actor, trajectory_id: int, title: str, planned_on: date) -> TrajectoryStep:
    trajectory = _trajectory_open_locked(
        actor=actor, trajectory_id=trajectory_id, closed=_("Steps can only be added to an open trajectory.")
    )
    errors = {}
    if not _text(title):
        errors["title"] = _("Name the step.")
    if planned_on is None or planned_on < trajectory.started_on:
        errors["planned_on"] = _("A step is dated on or after the start of the trajectory.")
    if errors:
        raise ValidationError(errors)
    return TrajectoryStep.objects.create(trajectory=trajectory, title=_text(title)[:200], planned_on=planned_on)


@transaction.atomic
def trajectory_complete(*, actor, trajectory_id: int, completed_on: date, outcome: str) -> GuidanceTrajectory:
    """The line manager closes the trajectory with its outcome."""
    trajectory = _trajectory_open_locked(
        actor=actor, trajectory_id=trajectory_id, closed=_("This trajectory is already completed.")
    )
    errors = {}
    if not _text(outcome):
        errors["outcome"] = _("Describe the outcome of the trajectory.")
    if completed_on is None or completed_on < trajectory.started_on:
        errors["completed_on"] = _("The trajectory cannot end before it started.")
    if errors:
        raise ValidationError(errors)
    trajectory.status = GuidanceTrajectory.Status.COMPLETED
    trajectory.completed_on = completed_on
    trajectory.outcome = _text(outcome)
    trajectory.save(update_fields=["status", "completed_on", "outcome"])
    trajectory.steps.filter(done_on__isnull=True, planned_on__lte=completed_on).update(done_on=completed_on)
    audit_record(
        actor=actor,
        action="deployability.trajectory.completed",
        target=trajectory,
        staff=trajectory.staff,
        after={"completed_on": completed_on, "outcome": trajectory.outcome},
    )
    return trajectory


# --- Registration and admissibility ----------------------------------------------------------------------


@transaction.atomic
def candidate_register(*, actor, staff: Staff, registered_on: date, place: str = "") -> RedeploymentCandidate:
    """Register a staff member for redeployment: only after a completed guidance trajectory."""
    staff = Staff.objects.select_for_update().get(pk=staff.pk)
    if not can_register(user=actor, staff=staff):
        raise PermissionDenied
    if registered_on is None:
        raise ValidationError({"registered_on": _("Give the date of registration.")})
    trajectory = (
        GuidanceTrajectory.objects.filter(
            staff=staff, status=GuidanceTrajectory.Status.COMPLETED, completed_on__lte=registered_on
        )
        .order_by("-completed_on")
        .first()
    )
    if trajectory is None:
        raise ValidationError(
            {
                "staff": _(
                    "%(name)s cannot be registered for redeployment yet: the line manager must first complete a "
                    "guidance and support trajectory (training, development or coaching) with them."
                )
                % {"name": staff.full_name}
            }
        )
    if RedeploymentCandidate.objects.filter(staff=staff, status__in=RedeploymentCandidate.ACTIVE).exists():
        raise ValidationError(
            {"staff": _("%(name)s is already registered for redeployment.") % {"name": staff.full_name}}
        )
    candidate = RedeploymentCandidate.objects.create(
        staff=staff, trajectory=trajectory, registered_on=registered_on, registered_by=actor, place=_text(place)[:100]
    )
    audit_record(
        actor=actor,
        action="deployability.redeployment.registered",
        target=candidate,
        staff=staff,
        after={"trajectory": trajectory.pk, "registered_on": registered_on},
    )
    job_enqueue("deployability.redeployment.tasks.notify_candidate_registered", candidate.pk)
    return candidate


def _candidate_lock(candidate_id: int) -> RedeploymentCandidate:
    return RedeploymentCandidate.objects.select_for_update(of=("self",)).select_related("staff").get(pk=candidate_id)


@transaction.atomic
def candidate_admissibility(
    *, actor, candidate_id: int, redeployable: bool, reasons: str, decided_on: date
) -> RedeploymentCandidate:
    """HR of the entity runs the admissibility test: redeployable or not, with the reasons. Not redeployable
    starts a trajectory inside the entity with a multidisciplinary team."""
    candidate = _candidate_lock(candidate_id)
    if not can_decide_candidate(user=actor, candidate=candidate):
        raise PermissionDenied
    if candidate.status != Status.REGISTERED:
        raise ValidationError(_("The admissibility test has already been decided."))
    errors = {}
    if not _text(reasons):
        errors["reasons"] = _("Give the reasons of the admissibility decision.")
    if decided_on is None or decided_on < candidate.registered_on:
        errors["decided_on"] = _("The decision cannot be dated before the registration.")
    if errors:
        raise ValidationError(errors)
    candidate.status = Status.REDEPLOYABLE if redeployable else Status.NOT_REDEPLOYABLE
    candidate.admissibility_reasons = _text(reasons)
    candidate.admissibility_decided_on = decided_on
    candidate.admissibility_decided_by = actor
    candidate.save(
        update_fields=["status", "admissibility_reasons", "admissibility_decided_on", "admissibility_decided_by"]
    )
    if not redeployable:
        InternalTrajectory.objects.create(candidate=candidate, started_on=decided_on)
    audit_record(
        actor=actor,
        action="deployability.redeployment.admissibility",
        target=candidate,
        staff=candidate.staff,
        after={"status": candidate.status, "reasons": candidate.admissibility_reasons},
    )
    job_enqueue("deployability.redeployment.tasks.notify_admissibility", candidate.pk)
    return candidate


def _internal_lock(*, actor, candidate_id: int) -> InternalTrajectory:
    candidate = _candidate_lock(candidate_id)
    if not can_decide_candidate(user=actor, candidate=candidate):
        raise PermissionDenied
    internal = InternalTrajectory.objects.select_for_update().filter(candidate=candidate).first()
    if internal is None:
        raise ValidationError(_("Only a candidate found not redeployable follows a trajectory inside the entity."))
    if internal.closed_on is not None:
        raise ValidationError(_("This trajectory is closed."))
    return internal


@transaction.atomic
def team_member_add(*, actor, candidate_id: int, name: str, role: str) -> TeamMember:
    internal = _internal_lock(actor=actor, candidate_id=candidate_id)
    errors = {}
    if not _text(name):
        errors["name"] = _("Give the member's name.")
    if not _text(role):
        errors["role"] = _("Give the member's role in the team (e.g. line manager, HR, occupational physician).")
    if errors:
        raise ValidationError(errors)
    member = TeamMember.objects.create(trajectory=internal, name=_text(name)[:150], role=_text(role)[:150])
    audit_record(
        actor=actor,
        action="deployability.internal_trajectory.saved",
        target=internal,
        staff=internal.candidate.staff,
        after={"member": member.name, "role": member.role},
    )
    return member


@transaction.atomic
def team_meeting_add(*, actor, candidate_id: int, held_on: date, notes: str) -> TeamMeeting:
    internal = _internal_lock(actor=actor, candidate_id=candidate_id)
    errors = {}
    if held_on is None or held_on < internal.started_on:
        errors["held_on"] = _("A meeting is held on or after the start of the trajectory.")
    if not _text(notes):
        errors["notes"] = _("Write down what the team discussed.")
    if errors:
        raise ValidationError(errors)
    meeting = TeamMeeting.objects.create(trajectory=internal, held_on=held_on, notes=_text(notes))
    audit_record(
        actor=actor,
        action="deployability.internal_trajectory.saved",
        target=internal,
        staff=internal.candidate.staff,
        after={"meeting": held_on},
    )
    return meeting


@transaction.atomic
def internal_trajectory_close(*, actor, candidate_id: int, closed_on: date, outcome: str) -> InternalTrajectory:
    internal = _internal_lock(actor=actor, candidate_id=candidate_id)
    errors = {}
    if not _text(outcome):
        errors["outcome"] = _("Describe the outcome of the trajectory.")
    if closed_on is None or closed_on < internal.started_on:
        errors["closed_on"] = _("The trajectory cannot end before it started.")
    if errors:
        raise ValidationError(errors)
    internal.outcome = _text(outcome)
    internal.closed_on = closed_on
    internal.save(update_fields=["outcome", "closed_on"])
    candidate = internal.candidate
    candidate.status = Status.WITHDRAWN
    candidate.save(update_fields=["status"])
    audit_record(
        actor=actor,
        action="deployability.internal_trajectory.saved",
        target=internal,
        staff=candidate.staff,
        after={"closed_on": closed_on, "outcome": internal.outcome},
    )
    return internal


# --- Vacancies ---------------------------------------------------------------------------------------------


@transaction.atomic
def vacancy_publish(
    *,
    actor,
    title: str,
    function: Function,
    grade: str,
    entity: Entity,
    place: str,
    published_on: date,
    competencies: list[tuple[Competency, int]] | None = None,
) -> Vacancy:
    """HR of the entity publishes a vacancy; it is reserved for redeployment candidates for the priority period."""
    errors = {}
    if entity is None or not hr_entities_of(actor).filter(pk=entity.pk).exists():
        errors["entity"] = _("You can publish vacancies only for the entities you work for.")
    if not _text(title):
        errors["title"] = _("Give the vacancy a title.")
    if function is None:
        errors["function"] = _("Choose the function of the matrix.")
    if grade not in GRADE_RANK:
        errors["grade"] = _("Choose a grade.")
    if not _text(place):
        errors["place"] = _("Give the place of work.")
    if published_on is None:
        errors["published_on"] = _("Give the publication date.")
    competencies = competencies or []
    if len({c.pk for c, _level in competencies}) != len(competencies):
        errors["competencies"] = _("Each competency may be listed once.")
    elif any(not 1 <= level <= 4 for _c, level in competencies):
        errors["competencies"] = _("A competency level lies between 1 and 4.")
    if errors:
        raise ValidationError(errors)
    days = int(parameter(PRIORITY_DAYS, on=published_on))
    vacancy = Vacancy.objects.create(
        title=_text(title)[:200],
        function=function,
        grade=grade,
        entity=entity,
        place=_text(place)[:100],
        published_on=published_on,
        priority_until=published_on + timedelta(days=days),
        published_by=actor,
    )
    VacancyCompetency.objects.bulk_create(
        [VacancyCompetency(vacancy=vacancy, competency=c, level=level) for c, level in competencies]
    )
    audit_record(
        actor=actor,
        action="deployability.vacancy.published",
        target=vacancy,
        entity=entity,
        after={
            "grade": grade,
            "function": function.pk,
            "place": vacancy.place,
            "priority_until": vacancy.priority_until,
        },
        parameters=snapshot([PRIORITY_DAYS], on=published_on),
    )
    job_enqueue("deployability.redeployment.tasks.notify_vacancy_published", vacancy.pk)
    return vacancy


def suitable_candidates(vacancy: Vacancy):
    """Redeployable candidates whose grade is equal to or higher than the vacancy's (so the vacancy is an equal
    or lower grade for them), not placed."""
    grades = GRADE_ORDER[: GRADE_RANK[vacancy.grade] + 1]
    return RedeploymentCandidate.objects.filter(status=Status.REDEPLOYABLE, staff__grade__in=grades)


@transaction.atomic
def vacancy_fill_other(*, actor, vacancy_id: int, filled_on: date, note: str = "") -> Vacancy:
    """Open the vacancy to others (internal or external mobility) and record it filled: refused during the
    priority period while a suitable redeployment candidate exists."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy_id)
    if not can_manage_vacancy(user=actor, vacancy=vacancy):
        raise PermissionDenied
    if vacancy.status != Vacancy.Status.OPEN:
        raise ValidationError(_("This vacancy is no longer open."))
    if filled_on is None or filled_on < vacancy.published_on:
        raise ValidationError({"filled_on": _("The date cannot be before the publication.")})
    if Offer.objects.filter(vacancy=vacancy, status=Offer.Status.PENDING).exists():
        raise ValidationError(_("The vacancy is offered to a redeployment candidate who has not answered yet."))
    if vacancy.reserved_on(filled_on) and suitable_candidates(vacancy).exists():
        raise ValidationError(
            {
                "filled_on": _(
                    "Until %(date)s this vacancy goes to redeployment candidates first, and suitable candidates "
                    "are waiting."
                )
                % {"date": vacancy.priority_until.isoformat()}
            }
        )
    vacancy.status = Vacancy.Status.FILLED
    vacancy.filled_by_other = True
    vacancy.save(update_fields=["status", "filled_by_other"])
    audit_record(
        actor=actor,
        action="deployability.vacancy.filled_by_other",
        target=vacancy,
        entity=vacancy.entity,
        after={"filled_on": filled_on},
        note=_text(note)[:500],
        parameters=snapshot([PRIORITY_DAYS], on=vacancy.published_on),
    )
    return vacancy


@transaction.atomic
def vacancy_withdraw(*, actor, vacancy_id: int) -> Vacancy:
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy_id)
    if not can_manage_vacancy(user=actor, vacancy=vacancy):
        raise PermissionDenied
    if vacancy.status != Vacancy.Status.OPEN:
        raise ValidationError(_("This vacancy is no longer open."))
    if Offer.objects.filter(vacancy=vacancy, status=Offer.Status.PENDING).exists():
        raise ValidationError(_("The vacancy is offered to a redeployment candidate who has not answered yet."))
    vacancy.status = Vacancy.Status.WITHDRAWN
    vacancy.save(update_fields=["status"])
    audit_record(actor=actor, action="deployability.vacancy.withdrawn", target=vacancy, entity=vacancy.entity)
    return vacancy


# --- After the priority period: open to others and to external mobility ----------------------------------
MARKETPLACE_CLOSING_DAYS = 30  # the talent request takes applications for 30 days
MARKETPLACE_PERIOD_DAYS = 365  # the period a talent request needs; a vacancy is a post, so one year


def vacancies_due_for_others(*, today: date) -> list[int]:
    """Open vacancies whose priority period has passed without a placement or a pending offer, not yet
    opened to others."""
    return list(
        Vacancy.objects.filter(status=Vacancy.Status.OPEN, priority_until__lt=today, opened_to_others_on__isnull=True)
        .exclude(offers__status=Offer.Status.PENDING)
        .order_by("id")
        .values_list("pk", flat=True)
    )


def _marketplace_owner(vacancy: Vacancy):
    """The staff record the talent request is published under (the marketplace wants a person who answers
    applications): who published the vacancy, else an HR officer of its entity, else central HR."""
    users = User.objects.filter(is_active=True, staff__isnull=False, staff__is_active=True)
    if vacancy.published_by_id and users.filter(pk=vacancy.published_by_id).exists():
        return users.get(pk=vacancy.published_by_id)
    hr = users.filter(pk__in=HrOfficerScope.objects.filter(entity_id=vacancy.entity_id).values("user_id")).order_by(
        "id"
    )
    return hr.first() or users.filter(is_central_hr=True).order_by("id").first()


@transaction.atomic
def vacancy_open_to_others(*, vacancy_id: int, today: date | None = None) -> Vacancy | None:
    """The priority period ended without a placement: the vacancy opens to others and is published, once, as
    a talent request on the mobility marketplace through mobility's own service (so its matching runs, through
    the outbox). Idempotent: a second run finds the vacancy already opened and does nothing (returns None)."""
    today = today or timezone.localdate()
    vacancy = Vacancy.objects.select_for_update(of=("self",)).select_related("function", "entity").get(pk=vacancy_id)
    if (
        vacancy.opened_to_others_on is not None
        or vacancy.status != Vacancy.Status.OPEN
        or vacancy.reserved_on(today)
        or Offer.objects.filter(vacancy=vacancy, status=Offer.Status.PENDING).exists()
    ):
        return None
    competencies = [(row.competency_id, row.level, True) for row in vacancy.competencies.all()]
    owner = _marketplace_owner(vacancy)
    request, note, refusal = None, "", ""
    if not competencies:
        note = Vacancy.MarketplaceNote.NO_COMPETENCIES
    elif owner is None:
        note = Vacancy.MarketplaceNote.NO_OWNER
    else:
        description = f"{vacancy.entity.name}: {vacancy.function.name}, {vacancy.grade}, {vacancy.place}. " + str(
            _("Vacancy open to others since the end of its priority period for redeployment candidates.")
        )
        try:
            with transaction.atomic():
                request = request_create(
                    actor=owner,
                    title=vacancy.title,
                    description=description,
                    entity=vacancy.entity,
                    time_share_percent=100,
                    start=today,
                    end=today + timedelta(days=MARKETPLACE_PERIOD_DAYS),
                    closing_date=today + timedelta(days=MARKETPLACE_CLOSING_DAYS),
                    competencies=competencies,
                )
        except (ValidationError, PermissionDenied) as error:
            note = Vacancy.MarketplaceNote.REFUSED
            refusal = "; ".join(str(m) for m in getattr(error, "messages", [repr(error)]))[:500]
    vacancy.opened_to_others_on = today
    vacancy.marketplace_request = request
    vacancy.marketplace_note = note
    vacancy.save(update_fields=["opened_to_others_on", "marketplace_request", "marketplace_note"])
    audit_record(
        actor=None,
        action="deployability.vacancy.opened_to_others",
        target=vacancy,
        entity=vacancy.entity,
        after={"opened_on": today, "talent_request": request.pk if request else None, "note": note},
        note=refusal,
        parameters=snapshot([PRIORITY_DAYS], on=vacancy.published_on),
    )
    return vacancy


def vacancies_open_to_others(*, today: date | None = None) -> int:
    """Daily (beat): open every vacancy whose priority period has passed; each in its own transaction."""
    today = today or timezone.localdate()
    opened = 0
    for vacancy_id in vacancies_due_for_others(today=today):
        opened += vacancy_open_to_others(vacancy_id=vacancy_id, today=today) is not None
    return opened


# --- Offers ------------------------------------------------------------------------------------------------


def _staff_move(*, candidate: RedeploymentCandidate, vacancy: Vacancy, on: date, actor, hr_actor) -> Staff:
    """The placement moves the person, from the placement date, to the vacancy's entity, function (dated
    history through the matrix's own service) and grade. `hr_actor` records the function change: the HR
    officer deciding (ex officio) or the one who made the accepted offer. The line manager of the old entity
    is cleared when the entity changes: HR of the new entity names the new one (until then HR decides leave)."""
    if hr_actor is None or not can_work_hr_case(user=hr_actor, staff=candidate.staff):
        raise ValidationError(
            _("The HR officer who made this offer can no longer act for this person: HR must record the answer.")
        )
    staff = Staff.objects.select_for_update(of=("self",)).get(pk=candidate.staff_id)
    before = {"entity": staff.entity_id, "function": staff.function_id, "grade": staff.grade}
    if staff.function_id != vacancy.function_id:
        # while the person is still in the old entity, where the HR officer may act
        staff_function_set(actor=hr_actor, staff=staff, function=vacancy.function, on=on)
        staff.refresh_from_db()
    fields = []
    if staff.entity_id != vacancy.entity_id:
        staff.entity_id = vacancy.entity_id
        staff.entity_start = max(on, staff.service_start)
        staff.line_manager = None
        fields += ["entity", "entity_start", "line_manager"]
    if staff.grade != vacancy.grade:
        staff.grade = vacancy.grade
        staff.level = vacancy.grade[0]
        fields += ["grade", "level"]
    if fields:
        staff.save(update_fields=fields)
    audit_record(
        actor=actor,
        action="deployability.redeployment.staff_moved",
        target=candidate,
        staff=staff,
        before=before,
        after={"entity": staff.entity_id, "function": staff.function_id, "grade": staff.grade, "from": on},
    )
    candidate.staff = staff
    return staff


def _place(candidate: RedeploymentCandidate, vacancy: Vacancy, *, on: date, ex_officio: bool, actor, hr_actor) -> None:
    """Place the candidate: the registration closes, the post is filled and the staff record follows, in the
    caller's transaction."""
    _staff_move(candidate=candidate, vacancy=vacancy, on=on, actor=actor, hr_actor=hr_actor)
    candidate.status = Status.PLACED
    candidate.placed_on = on
    candidate.placed_ex_officio = ex_officio
    candidate.save(update_fields=["status", "placed_on", "placed_ex_officio"])
    vacancy.status = Vacancy.Status.FILLED
    vacancy.save(update_fields=["status"])


@transaction.atomic
def offer_make(*, actor, candidate_id: int, vacancy_id: int, offered_on: date | None = None) -> Offer:
    """Offer a vacancy to a redeployment candidate: only an equal or lower grade, one candidate per vacancy at
    a time, never after placement. After `max_refusals` refusals the offer places the candidate ex officio."""
    offered_on = offered_on or timezone.localdate()
    # The vacancy first: two HR officers offering the same last vacancy queue up here, and the second sees
    # the first one's offer.
    vacancy = Vacancy.objects.select_for_update().filter(pk=vacancy_id).first()
    if vacancy is None:
        raise ValidationError({"vacancy": _("Choose a vacancy.")})
    candidate = _candidate_lock(candidate_id)
    if not can_decide_candidate(user=actor, candidate=candidate):
        raise PermissionDenied
    if candidate.status == Status.PLACED:
        raise ValidationError(_("%(name)s has been placed: no further offers.") % {"name": candidate.staff.full_name})
    if candidate.status != Status.REDEPLOYABLE:
        raise ValidationError(_("Only a candidate found redeployable can be offered a post."))
    if vacancy.status != Vacancy.Status.OPEN:
        raise ValidationError({"vacancy": _("This vacancy is no longer open.")})
    if Offer.objects.filter(vacancy=vacancy, status=Offer.Status.PENDING).exists():
        raise ValidationError({"vacancy": _("This vacancy has just been offered to another candidate.")})
    if Offer.objects.filter(candidate=candidate, status=Offer.Status.PENDING).exists():
        raise ValidationError(_("The candidate has not answered the previous offer yet."))
    if not grade_is_equal_or_lower(vacancy.grade, candidate.staff.grade):
        raise ValidationError(
            {
                "vacancy": _(
                    "A candidate of grade %(own)s can only be offered a post of an equal or lower grade, not %(grade)s."
                )
                % {"own": candidate.staff.grade, "grade": vacancy.grade}
            }
        )
    if offered_on < vacancy.published_on or offered_on < (candidate.admissibility_decided_on or offered_on):
        raise ValidationError(
            {"offered_on": _("The offer cannot be dated before the vacancy or the admissibility test.")}
        )
    max_refusals = int(parameter(MAX_REFUSALS, on=offered_on))
    ex_officio = candidate.refusals >= max_refusals
    number = candidate.offers.count() + 1
    offer = Offer.objects.create(
        candidate=candidate,
        vacancy=vacancy,
        number=number,
        offered_on=offered_on,
        offered_by=actor,
        status=Offer.Status.EX_OFFICIO if ex_officio else Offer.Status.PENDING,
        answered_on=offered_on if ex_officio else None,
    )
    if ex_officio:
        _place(candidate, vacancy, on=offered_on, ex_officio=True, actor=actor, hr_actor=actor)
    audit_record(
        actor=actor,
        action="deployability.offer.ex_officio" if ex_officio else "deployability.offer.made",
        target=offer,
        staff=candidate.staff,
        after={
            "number": number,
            "vacancy": vacancy.pk,
            "grade": vacancy.grade,
            "refusals": candidate.refusals,
            "status": offer.status,
        },
        parameters=snapshot([MAX_REFUSALS], on=offered_on),
    )
    job_enqueue("deployability.redeployment.tasks.notify_offer_made", offer.pk)
    return offer


def _offer_lock(offer_id: int) -> Offer:
    offer = Offer.objects.select_related("candidate__staff").filter(pk=offer_id).first()
    if offer is None:
        raise ValidationError(_("This offer does not exist."))
    # lock in the order offer_make takes them: vacancy, candidate, then the offer
    Vacancy.objects.select_for_update().get(pk=offer.vacancy_id)
    _candidate_lock(offer.candidate_id)
    return Offer.objects.select_for_update(of=("self",)).select_related("candidate__staff", "vacancy").get(pk=offer_id)


@transaction.atomic
def offer_accept(*, actor, offer_id: int, answered_on: date | None = None) -> Offer:
    answered_on = answered_on or timezone.localdate()
    offer = _offer_lock(offer_id)
    if not can_answer_offer(user=actor, offer=offer):
        raise PermissionDenied
    if offer.status != Offer.Status.PENDING:
        raise ValidationError(_("This offer has already been answered."))
    if answered_on < offer.offered_on:
        raise ValidationError({"answered_on": _("The answer cannot be dated before the offer.")})
    offer.status = Offer.Status.ACCEPTED
    offer.answered_on = answered_on
    offer.save(update_fields=["status", "answered_on"])
    hr_actor = actor if can_work_hr_case(user=actor, staff=offer.candidate.staff) else offer.offered_by
    _place(offer.candidate, offer.vacancy, on=answered_on, ex_officio=False, actor=actor, hr_actor=hr_actor)
    audit_record(
        actor=actor,
        action="deployability.offer.accepted",
        target=offer,
        staff=offer.candidate.staff,
        after={"number": offer.number, "vacancy": offer.vacancy_id},
        parameters=snapshot([MAX_REFUSALS], on=offer.offered_on),
    )
    job_enqueue("deployability.redeployment.tasks.notify_offer_answered", offer.pk)
    return offer


@transaction.atomic
def offer_refuse(*, actor, offer_id: int, reason: str, answered_on: date | None = None) -> Offer:
    """The candidate refuses, with a reason; the counter goes up and the next offer after the limit is
    ex officio."""
    answered_on = answered_on or timezone.localdate()
    offer = _offer_lock(offer_id)
    if not can_answer_offer(user=actor, offer=offer):
        raise PermissionDenied
    if offer.status != Offer.Status.PENDING:
        raise ValidationError(_("This offer has already been answered."))
    errors = {}
    if not _text(reason):
        errors["reason"] = _("Give the reason for refusing.")
    if answered_on < offer.offered_on:
        errors["answered_on"] = _("The answer cannot be dated before the offer.")
    if errors:
        raise ValidationError(errors)
    offer.status = Offer.Status.REFUSED
    offer.answered_on = answered_on
    offer.refusal_reason = _text(reason)
    offer.save(update_fields=["status", "answered_on", "refusal_reason"])
    candidate = offer.candidate
    candidate.refusals += 1
    candidate.save(update_fields=["refusals"])
    audit_record(
        actor=actor,
        action="deployability.offer.refused",
        target=offer,
        staff=candidate.staff,
        after={"number": offer.number, "refusals": candidate.refusals, "reason": offer.refusal_reason},
        parameters=snapshot([MAX_REFUSALS], on=offer.offered_on),
    )
    job_enqueue("deployability.redeployment.tasks.notify_offer_answered", offer.pk)
    return offer


# --- The person leaves service -----------------------------------------------------------------------------


def staff_left_service(*, actor, staff: Staff, on: date) -> dict:
    """The person is out of service from `on` (a dismissal): open guidance trajectories are completed with
    that outcome, an active registration is withdrawn and its pending offer with it (the post is free again).
    Runs in the caller's transaction; returns what it closed."""
    outcome = _("Ended: the person left service on %(date)s.") % {"date": on.isoformat()}
    trajectories = list(
        GuidanceTrajectory.objects.select_for_update().filter(staff=staff, status=GuidanceTrajectory.Status.OPEN)
    )
    for trajectory in trajectories:
        trajectory.status = GuidanceTrajectory.Status.COMPLETED
        trajectory.completed_on = max(on, trajectory.started_on)
        trajectory.outcome = str(outcome)
        trajectory.save(update_fields=["status", "completed_on", "outcome"])
        audit_record(
            actor=actor,
            action="deployability.trajectory.completed",
            target=trajectory,
            staff=staff,
            after={"completed_on": trajectory.completed_on, "outcome": trajectory.outcome},
        )
    registrations = list(
        RedeploymentCandidate.objects.select_for_update().filter(staff=staff, status__in=RedeploymentCandidate.ACTIVE)
    )
    offers = 0
    for candidate in registrations:
        offers += Offer.objects.filter(candidate=candidate, status=Offer.Status.PENDING).update(
            status=Offer.Status.WITHDRAWN, answered_on=on
        )
        InternalTrajectory.objects.filter(candidate=candidate, closed_on__isnull=True).update(
            closed_on=on, outcome=str(outcome)
        )
        candidate.status = Status.WITHDRAWN
        candidate.save(update_fields=["status"])
        audit_record(
            actor=actor,
            action="deployability.redeployment.withdrawn",
            target=candidate,
            staff=staff,
            after={"status": candidate.status, "left_service_on": on, "pending_offers_withdrawn": offers},
        )
    return {"trajectories": len(trajectories), "registrations": len(registrations), "offers": offers}
