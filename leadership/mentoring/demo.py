"""Demo wo-mentoring: mentors in middle management, mentees (mostly women), matches in every state."""

from datetime import date, timedelta

from django.utils import timezone

from hrportal.models import Competency, Staff, User
from leadership.mentoring.models import Mentee, Mentor, MentoringMatch, MentoringMeeting


def seed_demo(*, rng, today: date, out) -> None:
    users = {
        u.username: u
        for u in User.objects.filter(
            username__in=["demo-staff", "demo-manager", "demo-hr", "demo-central"]
        ).select_related("staff")
    }
    member, manager, hr = users.get("demo-staff"), users.get("demo-manager"), users.get("demo-hr")
    if member is None or manager is None or hr is None:
        return
    home = member.staff.entity_id
    leaders = list(
        Staff.objects.filter(management_tier=Staff.Tier.MIDDLE, is_active=True, user__isnull=True)
        .exclude(entity_id=home)
        .order_by("id")[:12]
    )
    mentors = Mentor.objects.bulk_create(
        [Mentor(staff=s, motivation="Ik wil mijn ervaring als leidinggevende doorgeven.") for s in leaders]
        + [Mentor(staff=manager.staff, motivation="Graag begeleid ik collega's met ambitie.")]
    )
    manager_mentor = mentors[-1]
    women = list(
        Staff.objects.filter(
            gender=Staff.Gender.FEMALE, is_active=True, management_tier=Staff.Tier.NONE, level="A", user__isnull=True
        )
        .exclude(entity_id=manager.staff.entity_id)
        .order_by("id")
        .values_list("id", flat=True)[:200]
    )
    waiting_home = list(
        Staff.objects.filter(
            entity_id=home,
            gender=Staff.Gender.FEMALE,
            is_active=True,
            user__isnull=True,
            management_tier=Staff.Tier.NONE,
        )
        .order_by("id")
        .values_list("id", flat=True)[:2]
    )
    chosen = rng.sample(women, min(len(women), 8))
    ambition = "Ik wil doorgroeien naar een functie in het middenkader."
    mentees = Mentee.objects.bulk_create(
        [Mentee(staff=member.staff, ambition=ambition)]
        + [Mentee(staff_id=s, ambition=ambition) for s in chosen + waiting_home]
    )
    wanted = list(Competency.objects.filter(code__in=["richting-geven", "coachen", "netwerken", "beslissen"]))
    through = Mentee.competencies.through
    through.objects.bulk_create(
        [through(mentee_id=m.pk, competency_id=c.pk) for m in mentees for c in rng.sample(wanted, 2)]
    )
    now = timezone.now()
    central = users.get("demo-central")
    matches = []
    # demo-staff: a mentor from another entity proposed; the mentor already accepted, demo-staff's answer waits.
    if mentors[:-1]:
        matches.append(MentoringMatch(mentor=mentors[0], mentee=mentees[0], proposed_by=hr, mentor_accepted_at=now))
    # demo-manager is proposed as mentor of someone outside their line.
    if len(mentees) > 1:
        matches.append(
            MentoringMatch(mentor=manager_mentor, mentee=mentees[1], proposed_by=central, mentee_accepted_at=now)
        )
    # Running and closed matches with their meetings.
    for i, mentee in enumerate(mentees[2 : 2 + len(chosen) - 1]):
        mentor = mentors[(i + 1) % max(len(mentors) - 1, 1)]
        closed = i % 3 == 2
        matches.append(
            MentoringMatch(
                mentor=mentor,
                mentee=mentee,
                proposed_by=central,
                status=MentoringMatch.Status.CLOSED if closed else MentoringMatch.Status.ACTIVE,
                mentor_accepted_at=now,
                mentee_accepted_at=now,
                closed_on=today - timedelta(days=30) if closed else None,
                evaluation="Het traject gaf zelfvertrouwen; kandidaat voor een selectie middenkader." if closed else "",
                goal_reached=True if closed else None,
            )
        )
    created = MentoringMatch.objects.bulk_create(matches)
    Mentee.objects.filter(pk__in=[m.mentee_id for m in created if m.status != MentoringMatch.Status.PROPOSED]).update(
        is_active=False
    )
    meetings = [
        MentoringMeeting(match=m, met_on=today - timedelta(days=20 * k + 10), topic=topic)
        for m in created
        if m.status != MentoringMatch.Status.PROPOSED
        for k, topic in enumerate(["Kennismaking en doelen", "Netwerken in de organisatie", "Voorbereiding selectie"])
    ]
    MentoringMeeting.objects.bulk_create(meetings)
    out.write(f"leadership mentoring: {len(mentors)} mentors, {len(mentees)} mentees, {len(created)} matches.")
