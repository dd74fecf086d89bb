"""Proposing mentors for a mentee: on the competencies the mentee wants to develop and on entity, never
someone of the mentee's own line."""

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from hrportal.models import Staff
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch

STRONG_LEVEL = 3
MAX_CHAIN = 30


def line_of(staff: Staff) -> set[int]:
    """The ids of `staff`'s line managers up to the top of the line."""
    chain, current, seen = set(), staff.line_manager_id, 0
    while current is not None and current not in chain and seen < MAX_CHAIN:
        chain.add(current)
        current = Staff.objects.filter(pk=current).values_list("line_manager_id", flat=True).first()
        seen += 1
    return chain


def in_own_line(*, mentor_staff: Staff, mentee_staff: Staff) -> bool:
    """The mentor is the mentee's line manager (at any height), or the other way round."""
    return mentor_staff.pk in line_of(mentee_staff) or mentee_staff.pk in line_of(mentor_staff)


def mentor_suggestions(*, mentee: Mentee, limit: int = 10) -> QuerySet[Mentor]:
    """Available mentors ranked by how many of the mentee's competencies they master (level 3 or 4), then
    those of another entity (a view from outside one's own entity), then those with fewer running matches."""
    wanted = list(mentee.competencies.values_list("pk", flat=True))
    excluded = line_of(mentee.staff) | {mentee.staff_id}
    return (
        Mentor.objects.filter(is_active=True, staff__is_active=True, staff__management_tier=Staff.Tier.MIDDLE)
        .exclude(staff_id__in=excluded)
        .exclude(staff__line_manager_id=mentee.staff_id)
        .annotate(
            strengths=Count(
                "staff__competencies",
                filter=Q(staff__competencies__competency_id__in=wanted, staff__competencies__level__gte=STRONG_LEVEL),
                distinct=True,
            ),
            other_entity=Case(
                When(staff__entity_id=mentee.staff.entity_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            running=Count(
                "matches",
                filter=Q(matches__status__in=[MentoringMatch.Status.PROPOSED, MentoringMatch.Status.ACTIVE]),
                distinct=True,
            ),
        )
        .select_related("staff", "staff__entity")
        .order_by("-strengths", "-other_entity", "running", "staff__last_name", "id")[:limit]
    )
