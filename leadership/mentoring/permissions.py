"""Who sees and acts on wo-mentoring: the mentor and mentee themselves, HR of their entities, central HR.
Line managers do not see their people's mentoring."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.roles import Role, hr_entity_ids, roles_of, sees_everything, staff_of
from hrportal.scoping import can_work_hr_case
from leadership.mentoring.models import Mentee, MentoringMatch


def can_coordinate_mentoring(user) -> bool:
    """HR officers (for mentees of their entities) and central HR propose matches."""
    return sees_everything(user) or Role.HR in roles_of(user)


def can_propose_for(*, user, mentee: Mentee) -> bool:
    return can_work_hr_case(user=user, staff=mentee.staff)


def match_scope_q(user) -> Q:
    if not user.is_authenticated:
        return Q(pk__in=[])
    if sees_everything(user):
        return Q()
    q = Q(pk__in=[])
    me = staff_of(user)
    if me is not None:
        q |= Q(mentor__staff=me) | Q(mentee__staff=me)
    if Role.HR in roles_of(user):
        ids = hr_entity_ids(user)
        q |= Q(mentee__staff__entity_id__in=ids) | Q(mentor__staff__entity_id__in=ids)
    return q


def matches_visible_to(user) -> QuerySet[MentoringMatch]:
    return MentoringMatch.objects.filter(match_scope_q(user))


def match_get_visible(*, user, match_id) -> MentoringMatch:
    try:
        return (
            matches_visible_to(user)
            .select_related("mentor__staff__entity", "mentee__staff__entity", "proposed_by")
            .get(pk=match_id)
        )
    except (MentoringMatch.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def side_of(*, user, match: MentoringMatch) -> str | None:
    """ "mentor", "mentee" or None: which party of the match `user` is."""
    me = staff_of(user)
    if me is None:
        return None
    if match.mentor.staff_id == me.pk:
        return "mentor"
    if match.mentee.staff_id == me.pk:
        return "mentee"
    return None


def mentees_visible_to(user) -> QuerySet[Mentee]:
    if sees_everything(user):
        return Mentee.objects.all()
    if Role.HR in roles_of(user):
        return Mentee.objects.filter(staff__entity_id__in=hr_entity_ids(user))
    return Mentee.objects.none()


def mentee_get_visible(*, user, mentee_id) -> Mentee:
    try:
        return mentees_visible_to(user).select_related("staff", "staff__entity").get(pk=mentee_id)
    except (Mentee.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
