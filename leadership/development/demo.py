"""Demo trajectories per management level (with the residential pilot), sessions and enrolments."""

from datetime import date, timedelta

from django.utils import timezone

from hrportal.models import Staff, User
from leadership.development.models import Enrolment, Module, Session, Trajectory

TRAJECTORIES = [
    (
        "Leiderschapstraject topkader",
        "N",
        False,
        ["Strategisch leiderschap", "Politiek-bestuurlijke omgeving", "Veranderen en innoveren"],
    ),
    (
        "Residentieel traject middenkader (pilot)",
        "N-1",
        True,
        ["De vier rollen van de leidinggevende", "Coachend leidinggeven", "Resultaatgericht sturen", "Intervisie"],
    ),
    (
        "Basistraject lager kader",
        "lower",
        False,
        ["Van collega naar leidinggevende", "Functioneringsgesprekken voeren", "Timemanagement"],
    ),
]


def seed_demo(*, rng, today: date, out) -> None:
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["demo-staff", "demo-manager", "demo-hr"]).select_related("staff")
    }
    member, hr = users.get("demo-staff"), users.get("demo-hr")
    if member is None or hr is None:
        return
    sessions = []
    trajectories = []
    for name, tier, residential, modules in TRAJECTORIES:
        trajectory = Trajectory.objects.create(
            name=name,
            tier=tier,
            is_residential=residential,
            description="Modulair aanbod voor leidinggevenden van de Vlaamse overheid.",
        )
        trajectories.append(trajectory)
        for position, module_name in enumerate(modules):
            module = Module.objects.create(trajectory=trajectory, name=module_name, position=position)
            for offset in (-120 + 30 * position, 45 + 30 * position):
                start = today + timedelta(days=offset)
                sessions.append(
                    Session(
                        module=module,
                        starts_on=start,
                        ends_on=start + timedelta(days=2 if residential else 0),
                        location="Residentie Oostende" if residential else "Herman Teirlinckgebouw, Brussel",
                        capacity=16 if residential else 24,
                    )
                )
    Session.objects.bulk_create(sessions)
    lower = trajectories[2]
    lower_sessions = list(Session.objects.filter(module__trajectory=lower).order_by("starts_on"))
    past = [s for s in lower_sessions if s.starts_on <= today]
    future = [s for s in lower_sessions if s.starts_on > today]
    now = timezone.now()
    enrolments = []
    # demo-staff attended a past module and waits for agreement on a coming one.
    if past:
        enrolments.append(
            Enrolment(
                session=past[0],
                staff=member.staff,
                status=Enrolment.Status.AGREED,
                attendance=Enrolment.Attendance.ATTENDED,
                requested_by=member,
                decided_at=now,
            )
        )
    if future:
        enrolments.append(Enrolment(session=future[0], staff=member.staff, requested_by=member))
    # Others in demo-manager's line fill seats; a few past ones wait for HR's attendance record.
    team = list(
        Staff.objects.filter(entity=member.staff.entity, is_active=True)
        .exclude(pk=member.staff.pk)
        .exclude(line_manager__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)[:40]
    )
    for session in lower_sessions:
        for staff_id in rng.sample(team, min(len(team), 5)):
            agreed = session.starts_on <= today or rng.random() < 0.6
            attended = session.starts_on <= today and rng.random() < 0.7
            enrolments.append(
                Enrolment(
                    session=session,
                    staff_id=staff_id,
                    status=Enrolment.Status.AGREED if agreed else Enrolment.Status.REQUESTED,
                    attendance=Enrolment.Attendance.ATTENDED if attended and agreed else "",
                    requested_by=hr,
                    decided_at=now if agreed else None,
                )
            )
    seen, unique = set(), []
    for enrolment in enrolments:
        key = (enrolment.session_id, enrolment.staff_id)
        if key not in seen:
            seen.add(key)
            unique.append(enrolment)
    Enrolment.objects.bulk_create(unique)
    out.write(
        f"leadership development: {len(trajectories)} trajectories, {len(sessions)} sessions, {len(unique)} enrolments."
    )
