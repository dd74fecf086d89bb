"""Every write of the marketplace: offers, requests, applications, consent, acceptance, expiry."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit import audit_record
from hrportal.models import Competency, Entity, Staff, StaffLanguage
from hrportal.parameters import snapshot
from hrportal.roles import staff_of

from .. import tasks_marketplace as tasks
from ..models import (
    Assignment,
    Match,
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)
from ..permissions_marketplace import can_consent, offers_visible_to
from . import marketplace_matching as matching

IDLE_KEY = "mobility.marketplace.idle_days_before_expiry"


def _actor_staff(actor) -> Staff:
    me = staff_of(actor)
    if me is None:
        raise PermissionDenied
    return me


def _check_period(start: date, end: date, *, today: date, new: bool) -> None:
    if end < start:
        raise ValidationError({"end": _("The end date cannot be before the start date.")})
    if new and end < today:
        raise ValidationError({"end": _("The period has already ended.")})


def _check_competencies(competencies: list, *, need_required: bool) -> None:
    ids = [row[0] for row in competencies]
    if len(ids) != len(set(ids)):
        raise ValidationError({"competencies": _("Each competency can be listed only once.")})
    if any(not 1 <= row[1] <= 4 for row in competencies):
        raise ValidationError({"competencies": _("Levels go from 1 to 4.")})
    if Competency.objects.filter(pk__in=ids).count() != len(ids):
        raise ValidationError({"competencies": _("Unknown competency.")})
    if need_required and not any(len(row) < 3 or row[2] for row in competencies):
        raise ValidationError({"competencies": _("List at least one required competency.")})
    if not competencies:
        raise ValidationError({"competencies": _("List at least one competency.")})


def _check_share(share: int) -> None:
    if not 1 <= share <= 100:
        raise ValidationError({"time_share_percent": _("The share of working time is between 1 and 100%.")})


def _offer_state(offer: TalentOffer) -> dict:
    return {
        "title": offer.title,
        "status": offer.status,
        "time_share_percent": offer.time_share_percent,
        "start": offer.start,
        "end": offer.end,
        "where": offer.where,
        "languages": offer.languages,
        "competencies": sorted(offer.competencies.values_list("competency_id", "level")),
    }


def _request_state(request: TalentRequest) -> dict:
    return {
        "title": request.title,
        "status": request.status,
        "entity": request.entity_id,
        "time_share_percent": request.time_share_percent,
        "start": request.start,
        "end": request.end,
        "closing_date": request.closing_date,
        "competencies": sorted(request.competencies.values_list("competency_id", "level", "required")),
    }


# --- offers ---------------------------------------------------------------------------------------


def _check_offered_time(*, staff: Staff, share: int, start: date, end: date, exclude_id: int | None = None) -> None:
    """On no day may a person's live offers add up to more than their own working time. The staff row is
    locked so that two offers saved at once are checked one after the other."""
    Staff.objects.select_for_update().filter(pk=staff.pk).first()
    others = list(
        TalentOffer.objects.filter(
            staff=staff,
            status__in=[TalentOffer.Status.ACTIVE, TalentOffer.Status.PAUSED],
            start__lte=end,
            end__gte=start,
        )
        .exclude(pk=exclude_id)
        .values_list("start", "end", "time_share_percent")
    )
    limit = int(staff.working_time_fraction * 100)
    if peak_share(others, start, end) + share > limit:
        raise ValidationError(
            {
                "time_share_percent": _(
                    "Your offers would add up to more than your own working time (%(p)s%%) on some day."
                )
                % {"p": limit}
            }
        )


def _offer_fields(*, staff: Staff, title, description, time_share_percent, start, end, where, languages, today, new):
    _check_share(time_share_percent)
    _check_period(start, end, today=today, new=new)
    if where not in TalentOffer.Where.values:
        raise ValidationError({"where": _("Choose where you can work.")})
    known = set(StaffLanguage.Language.values)
    if any(code not in known for code in languages):
        raise ValidationError({"languages": _("Unknown language.")})
    return {
        "title": title.strip(),
        "description": description,
        "time_share_percent": time_share_percent,
        "start": start,
        "end": end,
        "where": where,
        "languages": sorted(set(languages)),
    }


@transaction.atomic
def offer_create(
    *,
    actor,
    title: str,
    description: str,
    time_share_percent: int,
    start: date,
    end: date,
    where: str = TalentOffer.Where.ANY_ENTITY,
    languages: list | None = None,
    competencies: list,
) -> TalentOffer:
    staff = _actor_staff(actor)
    today = timezone.localdate()
    fields = _offer_fields(
        staff=staff,
        title=title,
        description=description,
        time_share_percent=time_share_percent,
        start=start,
        end=end,
        where=where,
        languages=languages or [],
        today=today,
        new=True,
    )
    _check_competencies(competencies, need_required=False)
    _check_offered_time(staff=staff, share=fields["time_share_percent"], start=start, end=end)
    offer = TalentOffer.objects.create(staff=staff, **fields)
    TalentOfferCompetency.objects.bulk_create(
        [TalentOfferCompetency(offer=offer, competency_id=cid, level=level) for cid, level in competencies]
    )
    audit_record(actor=actor, action="mobility.offer.published", target=offer, staff=staff, after=_offer_state(offer))
    tasks.match_refresh_offer.delay_on_commit(offer.pk)
    return offer


def offer_lock(*, offer_id: int) -> TalentOffer:
    return TalentOffer.objects.select_for_update().select_related("staff").get(pk=offer_id)


@transaction.atomic
def offer_update(*, actor, offer_id: int, competencies: list, **changes) -> TalentOffer:
    offer = offer_lock(offer_id=offer_id)
    if staff_of(actor) is None or staff_of(actor).pk != offer.staff_id:
        raise PermissionDenied
    if offer.status in (TalentOffer.Status.CLOSED, TalentOffer.Status.EXPIRED):
        raise ValidationError(_("A closed or expired offer cannot be changed."))
    before = _offer_state(offer)
    fields = _offer_fields(staff=offer.staff, today=timezone.localdate(), new=False, **changes)
    _check_competencies(competencies, need_required=False)
    _check_offered_time(
        staff=offer.staff,
        share=fields["time_share_percent"],
        start=fields["start"],
        end=fields["end"],
        exclude_id=offer.pk,
    )
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.save()
    offer.competencies.all().delete()
    TalentOfferCompetency.objects.bulk_create(
        [TalentOfferCompetency(offer=offer, competency_id=cid, level=level) for cid, level in competencies]
    )
    audit_record(
        actor=actor,
        action="mobility.offer.changed",
        target=offer,
        staff=offer.staff,
        before=before,
        after=_offer_state(offer),
    )
    tasks.match_refresh_offer.delay_on_commit(offer.pk)
    return offer


OFFER_TRANSITIONS = {
    "pause": ({TalentOffer.Status.ACTIVE}, TalentOffer.Status.PAUSED),
    "resume": ({TalentOffer.Status.PAUSED}, TalentOffer.Status.ACTIVE),
    "close": ({TalentOffer.Status.ACTIVE, TalentOffer.Status.PAUSED}, TalentOffer.Status.CLOSED),
}


@transaction.atomic
def offer_transition(*, actor, offer_id: int, action: str) -> TalentOffer:
    offer = offer_lock(offer_id=offer_id)
    if staff_of(actor) is None or staff_of(actor).pk != offer.staff_id:
        raise PermissionDenied

    def check_resume():
        _check_offered_time(
            staff=offer.staff, share=offer.time_share_percent, start=offer.start, end=offer.end, exclude_id=offer.pk
        )

    _status_step(
        offer,
        actor=actor,
        action=action,
        transitions=OFFER_TRANSITIONS,
        kind="offer",
        refused=_("This offer cannot take that step from its current status."),
        closed_reason=_("The offer was closed."),
        check=check_resume if action == "resume" else None,
        staff=offer.staff,
    )
    tasks.match_refresh_offer.delay_on_commit(offer.pk)
    return offer


def _status_step(item, *, actor, action, transitions, kind, refused, closed_reason, check=None, **audit_scope):
    """Pause, resume or close an offer or request: the allowed step, audited; closing withdraws the live
    applications, which cannot outlive what they apply to."""
    allowed, target = transitions[action]
    if item.status not in allowed:
        raise ValidationError(refused)
    if check is not None:
        check()
    before = item.status
    item.status = target
    item.save(update_fields=["status", "changed_at"])
    audit_record(
        actor=actor,
        action=f"mobility.{kind}.{action}",
        target=item,
        before={"status": before},
        after={"status": target},
        **audit_scope,
    )
    if action == "close":
        _withdraw_live_applications(Q(**{f"{kind}_id": item.pk}), actor=actor, reason=closed_reason)


# --- requests -------------------------------------------------------------------------------------


def _request_fields(*, title, description, entity, time_share_percent, start, end, closing_date, today, new):
    _check_share(time_share_percent)
    _check_period(start, end, today=today, new=new)
    if closing_date > end:
        raise ValidationError({"closing_date": _("The closing date cannot be after the end of the period.")})
    if new and closing_date < today:
        raise ValidationError({"closing_date": _("The closing date has already passed.")})
    if not isinstance(entity, Entity):
        entity = Entity.objects.filter(pk=entity).first()
        if entity is None:
            raise ValidationError({"entity": _("Unknown entity.")})
    return {
        "title": title.strip(),
        "description": description,
        "entity": entity,
        "time_share_percent": time_share_percent,
        "start": start,
        "end": end,
        "closing_date": closing_date,
    }


def _request_competency_rows(request, competencies):
    return [
        TalentRequestCompetency(request=request, competency_id=row[0], level=row[1], required=row[2])
        for row in competencies
    ]


@transaction.atomic
def request_create(
    *,
    actor,
    title: str,
    description: str,
    entity,
    time_share_percent: int,
    start: date,
    end: date,
    closing_date: date,
    competencies: list,
) -> TalentRequest:
    owner = _actor_staff(actor)
    fields = _request_fields(
        title=title,
        description=description,
        entity=entity,
        time_share_percent=time_share_percent,
        start=start,
        end=end,
        closing_date=closing_date,
        today=timezone.localdate(),
        new=True,
    )
    _check_competencies(competencies, need_required=True)
    request = TalentRequest.objects.create(owner=owner, **fields)
    TalentRequestCompetency.objects.bulk_create(_request_competency_rows(request, competencies))
    audit_record(
        actor=actor,
        action="mobility.request.published",
        target=request,
        staff=owner,
        entity=request.entity,
        after=_request_state(request),
    )
    tasks.match_refresh_request.delay_on_commit(request.pk)
    return request


def request_lock(*, request_id: int) -> TalentRequest:
    return TalentRequest.objects.select_for_update().get(pk=request_id)


@transaction.atomic
def request_update(*, actor, request_id: int, competencies: list, **changes) -> TalentRequest:
    request = request_lock(request_id=request_id)
    if staff_of(actor) is None or staff_of(actor).pk != request.owner_id:
        raise PermissionDenied
    if request.status in (TalentRequest.Status.CLOSED, TalentRequest.Status.EXPIRED):
        raise ValidationError(_("A closed or expired request cannot be changed."))
    before = _request_state(request)
    fields = _request_fields(today=timezone.localdate(), new=False, **changes)
    _check_competencies(competencies, need_required=True)
    for name, value in fields.items():
        setattr(request, name, value)
    request.save()
    request.competencies.all().delete()
    TalentRequestCompetency.objects.bulk_create(_request_competency_rows(request, competencies))
    audit_record(
        actor=actor,
        action="mobility.request.changed",
        target=request,
        entity=request.entity,
        before=before,
        after=_request_state(request),
    )
    tasks.match_refresh_request.delay_on_commit(request.pk)
    return request


REQUEST_TRANSITIONS = {
    "pause": ({TalentRequest.Status.OPEN}, TalentRequest.Status.PAUSED),
    "resume": ({TalentRequest.Status.PAUSED}, TalentRequest.Status.OPEN),
    "close": ({TalentRequest.Status.OPEN, TalentRequest.Status.PAUSED}, TalentRequest.Status.CLOSED),
}


@transaction.atomic
def request_transition(*, actor, request_id: int, action: str) -> TalentRequest:
    request = request_lock(request_id=request_id)
    if staff_of(actor) is None or staff_of(actor).pk != request.owner_id:
        raise PermissionDenied
    _status_step(
        request,
        actor=actor,
        action=action,
        transitions=REQUEST_TRANSITIONS,
        kind="request",
        refused=_("This request cannot take that step from its current status."),
        closed_reason=_("The request was closed."),
        entity=request.entity,
    )
    tasks.match_refresh_request.delay_on_commit(request.pk)
    return request


# --- applications ---------------------------------------------------------------------------------


def _check_pair(request: TalentRequest, offer: TalentOffer, today: date) -> None:
    if request.status != TalentRequest.Status.OPEN or request.closing_date < today:
        raise ValidationError(_("This request no longer takes candidates."))
    if offer.status != TalentOffer.Status.ACTIVE:
        raise ValidationError({"offer": _("Only an active offer can be put forward.")})
    if offer.staff_id == request.owner_id:
        raise ValidationError({"offer": _("You cannot be a candidate for your own request.")})
    if offer.start > request.end or offer.end < request.start:
        raise ValidationError({"offer": _("The offer's period does not overlap the request's period.")})
    if offer.time_share_percent < request.time_share_percent:
        raise ValidationError({"offer": _("The offer's share of working time is smaller than the request asks.")})
    if offer.where == TalentOffer.Where.OWN_ENTITY:
        home = {offer.staff.entity_id, offer.staff.entity.parent_id}
        if request.entity_id not in home and request.entity.parent_id not in home - {None}:
            raise ValidationError({"offer": _("This offer is only for the provider's own entity.")})
    if TalentApplication.objects.filter(request=request, offer=offer, status__in=TalentApplication.LIVE).exists():
        raise ValidationError(_("There is already an application for this offer and request."))


def _create_application(*, actor, request, offer, kind, status, message) -> TalentApplication:
    try:
        with transaction.atomic():
            return TalentApplication.objects.create(
                request=request, offer=offer, kind=kind, status=status, message=message, created_by=actor
            )
    except IntegrityError:
        raise ValidationError(_("There is already an application for this offer and request.")) from None


def _application_state(application: TalentApplication) -> dict:
    return {"status": application.status, "request": application.request_id, "offer": application.offer_id}


@transaction.atomic
def application_apply(*, actor, request_id: int, offer_id: int, message: str = "") -> TalentApplication:
    """The provider puts one of their offers forward for a request; their line manager is asked to consent."""
    me = _actor_staff(actor)
    offer = offer_lock(offer_id=offer_id)
    if offer.staff_id != me.pk:
        raise PermissionDenied
    request = TalentRequest.objects.select_related("entity").get(pk=request_id)
    _check_pair(request, offer, timezone.localdate())
    application = _create_application(
        actor=actor,
        request=request,
        offer=offer,
        kind=TalentApplication.Kind.APPLICATION,
        status=TalentApplication.Status.AWAITING_CONSENT,
        message=message,
    )
    audit_record(
        actor=actor,
        action="mobility.application.applied",
        target=application,
        staff=me,
        after=_application_state(application),
    )
    tasks.notify_application.delay_on_commit(application.pk, "consent_needed")
    return application


@transaction.atomic
def application_invite(*, actor, request_id: int, offer_id: int, message: str = "") -> TalentApplication:
    """The requester invites a candidate; the provider answers first, then their line manager consents."""
    me = _actor_staff(actor)
    request = request_lock(request_id=request_id)
    if request.owner_id != me.pk:
        raise PermissionDenied
    if not offers_visible_to(actor).filter(pk=offer_id).exists():
        raise PermissionDenied
    offer = offer_lock(offer_id=offer_id)
    _check_pair(request, offer, timezone.localdate())
    application = _create_application(
        actor=actor,
        request=request,
        offer=offer,
        kind=TalentApplication.Kind.INVITATION,
        status=TalentApplication.Status.INVITED,
        message=message,
    )
    audit_record(
        actor=actor,
        action="mobility.application.invited",
        target=application,
        staff=offer.staff,
        after=_application_state(application),
    )
    tasks.notify_application.delay_on_commit(application.pk, "invited")
    return application


def application_lock(*, application_id: int) -> TalentApplication:
    return (
        TalentApplication.objects.select_for_update(of=("self",))
        .select_related("offer__staff__entity", "request__entity")
        .get(pk=application_id)
    )


def _decide(*, actor, application, allowed, status, action, reason="", parameters=None, consent=False):
    if application.status not in allowed:
        raise ValidationError(_("This application is no longer waiting for that decision."))
    before = application.status
    application.status = status
    now = timezone.now()
    if consent:
        application.consent_by, application.consent_at = actor, now
    else:
        application.decided_by, application.decided_at = actor, now
    if reason:
        application.reason = reason
    application.save()
    audit_record(
        actor=actor,
        action=f"mobility.application.{action}",
        target=application,
        staff=application.offer.staff,
        before={"status": before},
        after={"status": status, "reason": reason},
        parameters=parameters,
    )
    return application


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason.")})
    return reason


@transaction.atomic
def application_answer_invitation(*, actor, application_id: int, accept: bool, reason: str = ""):
    application = application_lock(application_id=application_id)
    if staff_of(actor) is None or staff_of(actor).pk != application.offer.staff_id:
        raise PermissionDenied
    if accept:
        _decide(
            actor=actor,
            application=application,
            allowed={TalentApplication.Status.INVITED},
            status=TalentApplication.Status.AWAITING_CONSENT,
            action="invitation_accepted",
        )
        tasks.notify_application.delay_on_commit(application.pk, "consent_needed")
    else:
        _decide(
            actor=actor,
            application=application,
            allowed={TalentApplication.Status.INVITED},
            status=TalentApplication.Status.DECLINED,
            action="invitation_declined",
            reason=_require_reason(reason),
        )
        tasks.notify_application.delay_on_commit(application.pk, "declined")
    return application


@transaction.atomic
def application_withdraw(*, actor, application_id: int, reason: str = "") -> TalentApplication:
    application = application_lock(application_id=application_id)
    if staff_of(actor) is None or staff_of(actor).pk != application.offer.staff_id:
        raise PermissionDenied
    return _decide(
        actor=actor,
        application=application,
        allowed={TalentApplication.Status.AWAITING_CONSENT, TalentApplication.Status.CONSENTED},
        status=TalentApplication.Status.WITHDRAWN,
        action="withdrawn",
        reason=reason.strip(),
    )


@transaction.atomic
def application_consent(*, actor, application_id: int) -> TalentApplication:
    application = application_lock(application_id=application_id)
    if not can_consent(user=actor, application=application):
        raise PermissionDenied
    _decide(
        actor=actor,
        application=application,
        allowed={TalentApplication.Status.AWAITING_CONSENT},
        status=TalentApplication.Status.CONSENTED,
        action="consented",
        consent=True,
    )
    tasks.notify_application.delay_on_commit(application.pk, "consented")
    return application


@transaction.atomic
def application_refuse(*, actor, application_id: int, reason: str) -> TalentApplication:
    application = application_lock(application_id=application_id)
    if not can_consent(user=actor, application=application):
        raise PermissionDenied
    _decide(
        actor=actor,
        application=application,
        allowed={TalentApplication.Status.AWAITING_CONSENT},
        status=TalentApplication.Status.REFUSED,
        action="refused",
        reason=_require_reason(reason),
        consent=True,
    )
    tasks.notify_application.delay_on_commit(application.pk, "refused")
    return application


def peak_share(periods: list[tuple[date, date, int]], start: date, end: date) -> int:
    """The highest sum of time shares on any day of [start, end]; the peak falls on some start date."""
    days = {start} | {s for s, _e, _share in periods if start <= s <= end}
    return max((sum(share for s, e, share in periods if s <= day <= e) for day in days), default=0)


@transaction.atomic
def application_accept(*, actor, application_id: int) -> Assignment:
    """The requester accepts: the match becomes an assignment, within the share of time the provider offered.

    On no day may the assignments under an offer exceed its share; a person's live offers never exceed their
    working time together, so neither do their assignments. The provider's staff row and the offer are
    locked first: two acceptances for the same person are decided one after the other, and the second sees
    the first one's assignment."""
    application = application_lock(application_id=application_id)
    request, offer = application.request, application.offer
    if staff_of(actor) is None or staff_of(actor).pk != request.owner_id:
        raise PermissionDenied
    if application.status != TalentApplication.Status.CONSENTED:
        raise ValidationError(_("Only an application with the line manager's consent can be accepted."))
    if request.status in (TalentRequest.Status.CLOSED, TalentRequest.Status.EXPIRED):
        raise ValidationError(_("This request is closed."))
    if offer.status in (TalentOffer.Status.CLOSED, TalentOffer.Status.EXPIRED):
        raise ValidationError(_("This offer is closed."))
    Staff.objects.select_for_update().filter(pk=offer.staff_id).first()
    offer = offer_lock(offer_id=offer.pk)
    start, end = max(offer.start, request.start), min(offer.end, request.end)
    if end < start:
        raise ValidationError(_("The offer's period no longer overlaps the request's period."))
    running = list(
        Assignment.objects.filter(offer_id=offer.pk, start__lte=end, end__gte=start).values_list(
            "start", "end", "time_share_percent"
        )
    )
    peak = peak_share(running, start, end)
    if peak + request.time_share_percent > offer.time_share_percent:
        raise ValidationError(
            _(
                "Accepting would give %(name)s %(total)s%% of assignments on some day, more than the %(offered)s%% "
                "offered."
            )
            % {
                "name": offer.staff.full_name,
                "total": peak + request.time_share_percent,
                "offered": offer.time_share_percent,
            }
        )
    _decide(
        actor=actor,
        application=application,
        allowed={TalentApplication.Status.CONSENTED},
        status=TalentApplication.Status.ACCEPTED,
        action="accepted",
        parameters={"offered_share": offer.time_share_percent, "peak_before": peak},
    )
    assignment = Assignment.objects.create(
        application=application,
        offer=offer,
        request=request,
        staff=offer.staff,
        start=start,
        end=end,
        time_share_percent=request.time_share_percent,
    )
    audit_record(
        actor=actor,
        action="mobility.assignment.created",
        target=assignment,
        staff=offer.staff,
        after={"start": start, "end": end, "time_share_percent": assignment.time_share_percent},
    )
    tasks.notify_application.delay_on_commit(application.pk, "accepted")
    return assignment


@transaction.atomic
def application_decline(*, actor, application_id: int, reason: str) -> TalentApplication:
    application = application_lock(application_id=application_id)
    if staff_of(actor) is None or staff_of(actor).pk != application.request.owner_id:
        raise PermissionDenied
    _decide(
        actor=actor,
        application=application,
        allowed={TalentApplication.Status.AWAITING_CONSENT, TalentApplication.Status.CONSENTED},
        status=TalentApplication.Status.DECLINED,
        action="declined",
        reason=_require_reason(reason),
    )
    tasks.notify_application.delay_on_commit(application.pk, "declined")
    return application


# --- market mechanism -----------------------------------------------------------------------------


@transaction.atomic
def marketplace_expire(*, today: date | None = None) -> dict:
    """Offers and requests past their period, past the closing date, or unchanged for too long expire."""
    today = today or timezone.localdate()
    used = snapshot([IDLE_KEY], on=today)
    idle_since = timezone.now() - timedelta(days=int(used["values"][IDLE_KEY]))
    offers = list(
        TalentOffer.objects.select_for_update()
        .filter(status__in=[TalentOffer.Status.ACTIVE, TalentOffer.Status.PAUSED])
        .filter(Q(end__lt=today) | Q(changed_at__lt=idle_since))
        .select_related("staff__entity")
    )
    requests = list(
        TalentRequest.objects.select_for_update()
        .filter(status__in=[TalentRequest.Status.OPEN, TalentRequest.Status.PAUSED])
        .filter(Q(end__lt=today) | Q(closing_date__lt=today) | Q(changed_at__lt=idle_since))
        .select_related("entity")
    )
    for item in offers:
        audit_record(
            actor=None,
            action="mobility.offer.expired",
            target=item,
            staff=item.staff,
            before={"status": item.status},
            after={"status": TalentOffer.Status.EXPIRED},
            parameters=used,
        )
    for item in requests:
        audit_record(
            actor=None,
            action="mobility.request.expired",
            target=item,
            entity=item.entity,
            before={"status": item.status},
            after={"status": TalentRequest.Status.EXPIRED},
            parameters=used,
        )
    offer_ids, request_ids = [o.pk for o in offers], [r.pk for r in requests]
    TalentOffer.objects.filter(pk__in=offer_ids).update(status=TalentOffer.Status.EXPIRED)
    TalentRequest.objects.filter(pk__in=request_ids).update(status=TalentRequest.Status.EXPIRED)
    Match.objects.filter(Q(offer_id__in=offer_ids) | Q(request_id__in=request_ids)).delete()
    withdrawn = _withdraw_live_applications(
        Q(offer_id__in=offer_ids) | Q(request_id__in=request_ids),
        actor=None,
        reason=_("The offer or request expired."),
    )
    return {"offers": len(offer_ids), "requests": len(request_ids), "applications_withdrawn": withdrawn}


def _withdraw_live_applications(where: Q, *, actor, reason) -> int:
    """An application cannot outlive its offer or request: the live ones are withdrawn, audited one by one."""
    live = list(
        TalentApplication.objects.select_for_update(of=("self",))
        .filter(where, status__in=TalentApplication.LIVE)
        .select_related("offer__staff")
    )
    for application in live:
        audit_record(
            actor=actor,
            action="mobility.application.withdrawn",
            target=application,
            staff=application.offer.staff,
            before={"status": application.status},
            after={"status": TalentApplication.Status.WITHDRAWN},
            note=str(reason),
        )
    TalentApplication.objects.filter(pk__in=[a.pk for a in live]).update(
        status=TalentApplication.Status.WITHDRAWN, reason=str(reason)
    )
    return len(live)


def match_refresh_request(*, request_id: int) -> int:
    return matching.match_refresh_requests(request_ids=[request_id])


def match_refresh_offer(*, offer_id: int) -> int:
    return matching.match_refresh_offers(offer_ids=[offer_id])
