from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.parameters.selectors import snapshot
from mobility.marketplace.matching.store import lock as matching_lock
from mobility.marketplace.services.common import (
    _withdraw_live_applications,
)
from mobility.models import (
    Match,
    TalentOffer,
    TalentRequest,
)

IDLE_KEY = "mobility.marketplace.idle_days_before_expiry"


@transaction.atomic
def marketplace_expire(*, today: date | None = None) -> dict:
    """Offers and requests past their period, past the closing date, or unchanged for too long expire."""
    today = today or timezone.localdate()
    matching_lock()  # it deletes matches: not while a matching job is writing lists it read before
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
