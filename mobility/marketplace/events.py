"""Audit event types of the temporary-mobility marketplace (the events are written by its services)."""

from django.utils.translation import gettext_lazy as _

from hrportal.audit.registry import EventType, register_events
from mobility.marketplace.models import Assignment, TalentApplication, TalentOffer, TalentRequest

_OFFER, _REQUEST, _APPLICATION = {"model": TalentOffer}, {"model": TalentRequest}, {"model": TalentApplication}
register_events(
    EventType("mobility.offer.published", _("Talent offer published"), **_OFFER),
    EventType("mobility.offer.changed", _("Talent offer changed"), **_OFFER),
    EventType("mobility.offer.pause", _("Talent offer paused"), **_OFFER),
    EventType("mobility.offer.resume", _("Talent offer resumed"), **_OFFER),
    EventType("mobility.offer.close", _("Talent offer closed"), **_OFFER),
    EventType("mobility.offer.expired", _("Talent offer expired"), **_OFFER),
    EventType("mobility.request.published", _("Talent request published"), **_REQUEST),
    EventType("mobility.request.changed", _("Talent request changed"), **_REQUEST),
    EventType("mobility.request.pause", _("Talent request paused"), **_REQUEST),
    EventType("mobility.request.resume", _("Talent request resumed"), **_REQUEST),
    EventType("mobility.request.close", _("Talent request closed"), **_REQUEST),
    EventType("mobility.request.expired", _("Talent request expired"), **_REQUEST),
    EventType("mobility.application.applied", _("Applied to a talent request"), **_APPLICATION),
    EventType("mobility.application.invited", _("Invited to a talent request"), **_APPLICATION),
    EventType("mobility.application.withdrawn", _("Application withdrawn"), **_APPLICATION),
    EventType("mobility.application.consented", _("Manager consented to the participation"), **_APPLICATION),
    EventType("mobility.application.refused", _("Manager refused the participation"), **_APPLICATION),
    EventType("mobility.application.accepted", _("Requester accepted the application"), **_APPLICATION),
    EventType("mobility.application.declined", _("Requester declined the application"), **_APPLICATION),
    EventType("mobility.application.invitation_accepted", _("Invitation accepted"), **_APPLICATION),
    EventType("mobility.application.invitation_declined", _("Invitation declined"), **_APPLICATION),
    EventType("mobility.assignment.created", _("Temporary assignment started"), model=Assignment),
)
