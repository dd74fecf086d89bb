"""Mail to whoever must act in redeployment (thin Celery wrappers taking ids)."""

from smtplib import SMTPException

from celery import shared_task

from deployability.redeployment.models import GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy
from deployability.redeployment.services import vacancies_open_to_others
from hrportal.models import Entity, HrOfficerScope, User
from hrportal.notifications import absolute_url, mail_send

TASK_OPTIONS = {
    "soft_time_limit": 60,
    "time_limit": 90,
    "ignore_result": True,
    "autoretry_for": (SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 5,
}


def hr_emails_for(entity_id: int) -> list[str]:
    """The e-mail addresses of the HR officers of an entity (a scope on it or on an entity above it)."""
    ancestors, current, seen = [], entity_id, set()
    while current is not None and current not in seen:
        seen.add(current)
        ancestors.append(current)
        current = Entity.objects.filter(pk=current).values_list("parent_id", flat=True).first()
    user_ids = HrOfficerScope.objects.filter(entity_id__in=ancestors).values("user_id")
    return list(User.objects.filter(pk__in=user_ids, is_active=True).values_list("email", flat=True))


def _send(template: str, context: dict, to: list[str]) -> int:
    return mail_send(template=f"deployability/redeployment/email/{template}", context=context, to=to)


@shared_task(**TASK_OPTIONS)
def notify_trajectory_opened(trajectory_id: int) -> int:
    """Tell the staff member their guidance trajectory has started."""
    trajectory = GuidanceTrajectory.objects.select_related("staff").filter(pk=trajectory_id).first()
    if trajectory is None:
        return 0
    url = absolute_url("deployability:redeployment-trajectory-detail", trajectory.pk)
    return _send("trajectory_opened", {"trajectory": trajectory, "url": url}, [trajectory.staff.email])


@shared_task(**TASK_OPTIONS)
def notify_candidate_registered(candidate_id: int) -> int:
    """Tell HR of the entity that a registration waits for the admissibility test."""
    candidate = RedeploymentCandidate.objects.select_related("staff__entity").filter(pk=candidate_id).first()
    if candidate is None or candidate.status != RedeploymentCandidate.Status.REGISTERED:
        return 0
    url = absolute_url("deployability:redeployment-candidate-detail", candidate.pk)
    return _send("candidate_registered", {"candidate": candidate, "url": url}, hr_emails_for(candidate.staff.entity_id))


@shared_task(**TASK_OPTIONS)
def notify_admissibility(candidate_id: int) -> int:
    candidate = RedeploymentCandidate.objects.select_related("staff").filter(pk=candidate_id).first()
    if candidate is None:
        return 0
    url = absolute_url("deployability:redeployment-mine")
    return _send("admissibility", {"candidate": candidate, "url": url}, [candidate.staff.email])


@shared_task(**TASK_OPTIONS)
def notify_vacancy_published(vacancy_id: int) -> int:
    """Tell central HR's redeployment office that a vacancy is reserved for redeployment candidates."""
    vacancy = Vacancy.objects.select_related("entity").filter(pk=vacancy_id).first()
    if vacancy is None:
        return 0
    to = list(User.objects.filter(is_central_hr=True, is_active=True).values_list("email", flat=True))
    url = absolute_url("deployability:redeployment-vacancy-detail", vacancy.pk)
    return _send("vacancy_published", {"vacancy": vacancy, "url": url}, to)


@shared_task(**TASK_OPTIONS)
def notify_offer_made(offer_id: int) -> int:
    """Tell the candidate of the offer (or of the ex officio placement)."""
    offer = Offer.objects.select_related("candidate__staff", "vacancy__entity").filter(pk=offer_id).first()
    if offer is None:
        return 0
    url = absolute_url("deployability:redeployment-offer-detail", offer.pk)
    return _send("offer_made", {"offer": offer, "url": url}, [offer.candidate.staff.email])


@shared_task(**TASK_OPTIONS)
def notify_offer_answered(offer_id: int) -> int:
    """Tell the HR officer who made the offer of the answer."""
    offer = Offer.objects.select_related("candidate__staff", "vacancy", "offered_by").filter(pk=offer_id).first()
    if offer is None or offer.offered_by is None:
        return 0
    url = absolute_url("deployability:redeployment-offer-detail", offer.pk)
    return _send("offer_answered", {"offer": offer, "url": url}, [offer.offered_by.email])


@shared_task(outbox_atomic=False, soft_time_limit=300, time_limit=360, ignore_result=True)
def vacancies_open_to_others_daily() -> int:
    """Beat, daily: vacancies past their priority period without a placement go to the mobility marketplace
    (once each; the service is idempotent)."""
    return vacancies_open_to_others()
