from datetime import date

from django.db.models import Count, Q, QuerySet

from hrportal.roles import Role, roles_of, staff_of
from hrportal.scoping import staff_scope_q, team_ids_sql
from leadership.development.models import Enrolment, OnboardingChecklist, Session, Trajectory
from leadership.development.permissions import onboardings_visible_to

SEAT_FILTER = Q(enrolments__status__in=Enrolment.HOLDS_SEAT)


def trajectory_list() -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(is_active=True).annotate(module_count=Count("modules")).order_by("tier", "name")


def sessions_of(*, trajectory: Trajectory, since: date | None = None) -> QuerySet[Session]:
    rows = Session.objects.filter(module__trajectory=trajectory).select_related("module")
    if since is not None:
        rows = rows.filter(ends_on__gte=since)
    return rows.annotate(taken=Count("enrolments", filter=SEAT_FILTER)).order_by("starts_on", "id")


def seats_taken(*, session_id: int) -> int:
    return Enrolment.objects.filter(session_id=session_id, status__in=Enrolment.HOLDS_SEAT).count()


def enrolments_of(*, staff) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(staff=staff)
        .select_related("session__module__trajectory")
        .order_by("-session__starts_on", "-id")
    )


def trajectory_progress(*, staff) -> list[dict]:
    """Per trajectory the person takes part in: modules attended out of all modules (complete when all)."""
    attended = (
        Enrolment.objects.filter(staff=staff, attendance=Enrolment.Attendance.ATTENDED)
        .values("session__module__trajectory")
        .annotate(done=Count("session__module", distinct=True))
    )
    done = {row["session__module__trajectory"]: row["done"] for row in attended}
    # a subquery, not a list of ids: the same two queries whether or not the person has enrolments
    ids = Enrolment.objects.filter(staff=staff).values("session__module__trajectory")
    rows = []
    for trajectory in Trajectory.objects.filter(pk__in=ids).annotate(module_count=Count("modules")):
        finished = done.get(trajectory.pk, 0)
        rows.append(
            {
                "trajectory": trajectory,
                "attended": finished,
                "modules": trajectory.module_count,
                "complete": trajectory.module_count > 0 and finished >= trajectory.module_count,
            }
        )
    return rows


def enrolments_to_decide(*, viewer) -> QuerySet[Enrolment]:
    """Requests waiting for the viewer as line manager (their team; HR: their entities' people without one)."""
    me = staff_of(viewer)
    q = Q(pk__in=[])
    if me is not None and Role.MANAGER in roles_of(viewer):
        q |= Q(staff_id__in=team_ids_sql(me.pk))
    if viewer.is_authenticated and (Role.HR in roles_of(viewer) or Role.CENTRAL in roles_of(viewer)):
        q |= Q(staff_scope_q(viewer, prefix="staff__"), staff__line_manager__isnull=True)
    rows = Enrolment.objects.filter(q, status=Enrolment.Status.REQUESTED)
    if me is not None:
        rows = rows.exclude(staff=me)
    return rows.select_related("staff", "session__module__trajectory").order_by("session__starts_on", "id")


def session_enrolments(*, session: Session) -> QuerySet[Enrolment]:
    return session.enrolments.select_related("staff", "staff__entity").order_by("staff__last_name", "id")


def onboarding_list(*, viewer) -> QuerySet[OnboardingChecklist]:
    return (
        onboardings_visible_to(viewer)
        .select_related("staff", "staff__entity")
        .annotate(
            task_count=Count("items"),
            done_count=Count("items", filter=Q(items__done_on__isnull=False)),
        )
        .order_by("-starts_on", "id")
    )


def onboarding_open_tasks(*, viewer, today: date) -> int:
    """Tasks due by today, not done, of the checklists the viewer follows (their team; HR: their entities)."""
    me = staff_of(viewer)
    rows = onboardings_visible_to(viewer)
    if me is not None:
        rows = rows.exclude(staff=me)
    return rows.filter(items__done_on__isnull=True, items__due_on__lte=today).count()
