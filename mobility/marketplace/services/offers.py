from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Staff, StaffLanguage
from hrportal.roles import staff_of
from mobility.marketplace.services import common
from mobility.marketplace.services.common import (
    _actor_staff,
    _check_competencies,
    _check_period,
    _check_share,
    _offer_state,
    _status_step,
)
from mobility.models import (
    TalentOffer,
    TalentOfferCompetency,
)


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
    if common.peak_share(others, start, end) + share > limit:
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
    job_enqueue("mobility.marketplace.tasks.match_refresh_offer", offer.pk)
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
    job_enqueue("mobility.marketplace.tasks.match_refresh_offer", offer.pk)
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
    job_enqueue("mobility.marketplace.tasks.match_refresh_offer", offer.pk)
    return offer
