from django.db.models import Q, QuerySet
from django.http import Http404

from deployability.careers.models import ProjectLeaderAppointment, PromotionApplication, PromotionPost
from hrportal.models import Entity, Staff
from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, hr_entities_of, staff_scope_q


def posts_visible_to(user) -> QuerySet[PromotionPost]:
    """Promotion posts are published: every signed-in person sees them."""
    if not user.is_authenticated:
        return PromotionPost.objects.none()
    return PromotionPost.objects.all()


def post_get_visible(*, user, post_id) -> PromotionPost:
    try:
        return posts_visible_to(user).select_related("function__family", "entity").get(pk=post_id)
    except (PromotionPost.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def post_entities_for(user) -> QuerySet[Entity]:
    """HR officers publish posts for their entities; central HR for all."""
    return hr_entities_of(user)


def can_publish_posts(user) -> bool:
    return sees_everything(user) or Role.HR in roles_of(user)


def can_see_applicants(*, user, post: PromotionPost) -> bool:
    return sees_everything(user) or (
        Role.HR in roles_of(user) and hr_entities_of(user).filter(pk=post.entity_id).exists()
    )


def applications_visible_to(user) -> QuerySet[PromotionApplication]:
    """Own applications; applications to posts of an HR officer's entities; all for central HR."""
    if not user.is_authenticated:
        return PromotionApplication.objects.none()
    if sees_everything(user):
        return PromotionApplication.objects.all()
    q = Q(pk__in=[])
    me = staff_of(user)
    if me is not None:
        q |= Q(staff=me)
    if Role.HR in roles_of(user):
        q |= Q(post__entity__in=hr_entities_of(user))
    return PromotionApplication.objects.filter(q)


def appointments_visible_to(user) -> QuerySet[ProjectLeaderAppointment]:
    return ProjectLeaderAppointment.objects.filter(staff_scope_q(user, prefix="staff__"))


def can_appoint_project_leader(*, user, staff: Staff) -> bool:
    """The line manager (direct or higher up) or HR of the entity."""
    return can_manage_staff(user=user, staff=staff) or can_work_hr_case(user=user, staff=staff)


def appoints_anyone(user) -> bool:
    return bool(roles_of(user) & {Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN})
