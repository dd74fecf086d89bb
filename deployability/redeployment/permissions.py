"""Who may see and act on what in redeployment; built on hrportal.scoping (another entity's ids answer 404)."""

from django.db.models import QuerySet
from django.http import Http404

from deployability.redeployment.models import GuidanceTrajectory, Offer, RedeploymentCandidate, Vacancy
from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, hr_entities_of, staff_scope_q


def is_hr(user) -> bool:
    """An HR officer of some entity, central HR or an admin: the redeployment office."""
    return user.is_authenticated and (sees_everything(user) or Role.HR in roles_of(user))


def is_manager(user) -> bool:
    return user.is_authenticated and Role.MANAGER in roles_of(user)


def can_run_trajectory(*, user, staff) -> bool:
    """The line manager (direct or indirect) opens and closes a guidance trajectory; HR of the entity too."""
    return can_manage_staff(user=user, staff=staff) or can_work_hr_case(user=user, staff=staff)


def can_register(*, user, staff) -> bool:
    return can_run_trajectory(user=user, staff=staff)


def can_decide_candidate(*, user, candidate: RedeploymentCandidate) -> bool:
    """HR of the candidate's entity (or central HR): admissibility, the internal trajectory, offers."""
    return can_work_hr_case(user=user, staff=candidate.staff)


def can_manage_vacancy(*, user, vacancy: Vacancy) -> bool:
    return sees_everything(user) or hr_entities_of(user).filter(pk=vacancy.entity_id).exists()


def can_answer_offer(*, user, offer: Offer) -> bool:
    """The candidate answers; HR of their entity may record an answer given on paper."""
    me = staff_of(user)
    return (me is not None and me.pk == offer.candidate.staff_id) or can_work_hr_case(
        user=user, staff=offer.candidate.staff
    )


def trajectories_visible_to(user) -> QuerySet[GuidanceTrajectory]:
    return GuidanceTrajectory.objects.filter(staff_scope_q(user, prefix="staff__"))


def trajectory_get_visible(*, user, trajectory_id) -> GuidanceTrajectory:
    try:
        return trajectories_visible_to(user).select_related("staff__entity").get(pk=trajectory_id)
    except (GuidanceTrajectory.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def candidates_visible_to(user) -> QuerySet[RedeploymentCandidate]:
    return RedeploymentCandidate.objects.filter(staff_scope_q(user, prefix="staff__"))


def candidate_get_visible(*, user, candidate_id) -> RedeploymentCandidate:
    try:
        return candidates_visible_to(user).select_related("staff__entity", "trajectory").get(pk=candidate_id)
    except (RedeploymentCandidate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def vacancies_visible_to(user) -> QuerySet[Vacancy]:
    """Vacancies are the redeployment office's: every HR officer and central HR sees them (a post is not
    personal data); the candidates ranked on one are scoped to the viewer."""
    if not is_hr(user):
        return Vacancy.objects.none()
    return Vacancy.objects.all()


def vacancy_get_visible(*, user, vacancy_id) -> Vacancy:
    try:
        return vacancies_visible_to(user).select_related("function__family", "entity").get(pk=vacancy_id)
    except (Vacancy.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def offers_visible_to(user) -> QuerySet[Offer]:
    return Offer.objects.filter(staff_scope_q(user, prefix="candidate__staff__"))


def offer_get_visible(*, user, offer_id) -> Offer:
    try:
        return (
            offers_visible_to(user)
            .select_related("candidate__staff__entity", "vacancy__function", "vacancy__entity")
            .get(pk=offer_id)
        )
    except (Offer.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
