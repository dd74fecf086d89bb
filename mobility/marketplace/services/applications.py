from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Staff
from hrportal.roles import staff_of
from mobility.marketplace.permissions import can_consent, offers_visible_to
from mobility.marketplace.services import common
from mobility.marketplace.services.common import (
    _actor_staff,
)
from mobility.marketplace.services.offers import offer_lock
from mobility.marketplace.services.requests import request_lock
from mobility.models import (
    Assignment,
    TalentApplication,
    TalentOffer,
    TalentRequest,
)


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
    job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "consent_needed")
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
    job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "invited")
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
        job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "consent_needed")
    else:
        _decide(
            actor=actor,
            application=application,
            allowed={TalentApplication.Status.INVITED},
            status=TalentApplication.Status.DECLINED,
            action="invitation_declined",
            reason=_require_reason(reason),
        )
        job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "declined")
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
    job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "consented")
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
    job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "refused")
    return application


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
    peak = common.peak_share(running, start, end)
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
    job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "accepted")
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
    job_enqueue("mobility.marketplace.tasks.notify_application", application.pk, "declined")
    return application
