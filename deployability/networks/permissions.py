from django.http import Http404

from deployability.networks.models import LearningNetwork, NetworkMembership, SharedPractice
from hrportal.roles import sees_everything, staff_of


def member_network_ids(user) -> set[int]:
    me = staff_of(user)
    if me is None:
        return set()
    cached = getattr(user, "_deployability_networks", None)
    if cached is None:
        cached = set(NetworkMembership.objects.filter(staff=me).values_list("network_id", flat=True))
        user._deployability_networks = cached
    return cached


def network_get_visible(*, user, network_id) -> LearningNetwork:
    """Networks are open to every signed-in person (anyone may join an active one)."""
    try:
        return LearningNetwork.objects.get(pk=network_id)
    except (LearningNetwork.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def is_member(*, user, network: LearningNetwork) -> bool:
    return network.pk in member_network_ids(user)


def practice_get_for_member(*, user, practice_id) -> SharedPractice:
    """Shared practices are read by the network's members only: others get 404."""
    try:
        return SharedPractice.objects.select_related("network", "author").get(
            pk=practice_id, network_id__in=member_network_ids(user)
        )
    except (SharedPractice.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_manage_networks(user) -> bool:
    """Central HR (and admins) create networks and plan their sessions."""
    return sees_everything(user)
