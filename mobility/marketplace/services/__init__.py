"""Every write of the marketplace: offers, requests, applications (consent, acceptance), expiry.

Callers import this package; the modules inside split it by what is written.
"""

from mobility.marketplace.matching import match_refresh_offer, match_refresh_request
from mobility.marketplace.services.applications import (
    application_accept,
    application_answer_invitation,
    application_apply,
    application_consent,
    application_decline,
    application_invite,
    application_lock,
    application_refuse,
    application_withdraw,
)
from mobility.marketplace.services.common import peak_share
from mobility.marketplace.services.expiry import IDLE_KEY, marketplace_expire
from mobility.marketplace.services.offers import (
    OFFER_TRANSITIONS,
    offer_create,
    offer_lock,
    offer_transition,
    offer_update,
)
from mobility.marketplace.services.requests import (
    REQUEST_TRANSITIONS,
    request_create,
    request_lock,
    request_transition,
    request_update,
)

__all__ = [
    "IDLE_KEY",
    "OFFER_TRANSITIONS",
    "REQUEST_TRANSITIONS",
    "application_accept",
    "application_answer_invitation",
    "application_apply",
    "application_consent",
    "application_decline",
    "application_invite",
    "application_lock",
    "application_refuse",
    "application_withdraw",
    "marketplace_expire",
    "match_refresh_offer",
    "match_refresh_request",
    "offer_create",
    "offer_lock",
    "offer_transition",
    "offer_update",
    "peak_share",
    "request_create",
    "request_lock",
    "request_transition",
    "request_update",
]
