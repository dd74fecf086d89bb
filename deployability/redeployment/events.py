"""Audit event types of redeployment."""

from django.utils.translation import gettext_lazy as _

from deployability.redeployment.models import (
    GuidanceTrajectory,
    InternalTrajectory,
    Offer,
    RedeploymentCandidate,
    Vacancy,
)
from hrportal.audit.registry import EventType, register_events

register_events(
    EventType("deployability.trajectory.opened", _("Guidance trajectory opened"), model=GuidanceTrajectory),
    EventType("deployability.trajectory.completed", _("Guidance trajectory completed"), model=GuidanceTrajectory),
    EventType("deployability.redeployment.registered", _("Registered for redeployment"), model=RedeploymentCandidate),
    EventType("deployability.redeployment.admissibility", _("Admissibility test decided"), model=RedeploymentCandidate),
    EventType(
        "deployability.redeployment.withdrawn", _("Redeployment registration withdrawn"), model=RedeploymentCandidate
    ),
    EventType(
        "deployability.redeployment.staff_moved",
        _("Placed: entity, function and grade of the vacancy"),
        model=RedeploymentCandidate,
    ),
    EventType(
        "deployability.internal_trajectory.saved", _("Trajectory inside the entity updated"), model=InternalTrajectory
    ),
    EventType("deployability.vacancy.published", _("Vacancy published"), model=Vacancy),
    EventType("deployability.vacancy.filled_by_other", _("Vacancy filled outside redeployment"), model=Vacancy),
    EventType(
        "deployability.vacancy.opened_to_others",
        _("Vacancy opened to others and to the mobility marketplace"),
        model=Vacancy,
    ),
    EventType("deployability.vacancy.withdrawn", _("Vacancy withdrawn"), model=Vacancy),
    EventType("deployability.offer.made", _("Post offered to a redeployment candidate"), model=Offer),
    EventType("deployability.offer.accepted", _("Offered post accepted"), model=Offer),
    EventType("deployability.offer.refused", _("Offered post refused"), model=Offer),
    EventType("deployability.offer.ex_officio", _("Candidate placed ex officio"), model=Offer),
)
