from django.db.models import Count, QuerySet

from hrportal.roles import staff_of
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch
from leadership.mentoring.permissions import matches_visible_to, mentees_visible_to


def match_list(*, viewer) -> QuerySet[MentoringMatch]:
    return (
        matches_visible_to(viewer)
        .select_related("mentor__staff", "mentee__staff", "mentee__staff__entity")
        .annotate(meeting_count=Count("meetings"))
        .order_by("-proposed_at", "-id")
    )


def matches_waiting_for(*, viewer) -> QuerySet[MentoringMatch]:
    """Proposed matches waiting for the viewer's own answer (as mentor or as mentee)."""
    me = staff_of(viewer)
    if me is None:
        return MentoringMatch.objects.none()
    status = MentoringMatch.Status.PROPOSED
    return MentoringMatch.objects.filter(
        status=status, mentor__staff=me, mentor_accepted_at__isnull=True
    ) | MentoringMatch.objects.filter(status=status, mentee__staff=me, mentee_accepted_at__isnull=True)


def mentees_without_match(*, viewer) -> QuerySet[Mentee]:
    return (
        mentees_visible_to(viewer)
        .filter(is_active=True, staff__is_active=True)
        .exclude(matches__status__in=[MentoringMatch.Status.PROPOSED, MentoringMatch.Status.ACTIVE])
        .select_related("staff", "staff__entity")
        .order_by("created_at", "id")
    )


def mentor_of(staff) -> Mentor | None:
    return Mentor.objects.filter(staff=staff).first() if staff else None


def mentee_of(staff) -> Mentee | None:
    return Mentee.objects.filter(staff=staff).prefetch_related("competencies").first() if staff else None


def mentor_list() -> QuerySet[Mentor]:
    return Mentor.objects.filter(is_active=True).select_related("staff", "staff__entity")
