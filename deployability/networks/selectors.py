from django.db.models import Count, QuerySet

from deployability.networks.models import LearningNetwork, NetworkSession, SharedPractice


def networks_with_counts() -> QuerySet[LearningNetwork]:
    return LearningNetwork.objects.filter(is_active=True).annotate(member_count=Count("memberships", distinct=True))


def sessions_of(*, network_id: int) -> QuerySet[NetworkSession]:
    return NetworkSession.objects.filter(network_id=network_id).annotate(taken=Count("registrations"))


def practices_of(*, network_id: int) -> QuerySet[SharedPractice]:
    return (
        SharedPractice.objects.filter(network_id=network_id)
        .select_related("author")
        .defer("file_data")
        .order_by("-created_at", "-id")
    )
