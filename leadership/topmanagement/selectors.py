from datetime import date

from django.core import signing
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from hrportal.notifications import absolute_url
from hrportal.parameters.selectors import parameter
from hrportal.roles import staff_of
from leadership.models import Mandate, MandateEvaluation, Registration, TopCandidate, TopSession, Vacancy
from leadership.topmanagement.models import add_months
from leadership.topmanagement.permissions import sessions_visible_to


def ending_horizon(*, today: date) -> tuple[int, date]:
    months = int(parameter("leadership.top_mandate_ending_months", on=today))
    return months, add_months(today, months)


def mandates_ending(*, today: date) -> QuerySet[Mandate]:
    """Running mandates that end within `leadership.top_mandate_ending_months`, soonest first."""
    _months, until = ending_horizon(today=today)
    return (
        Mandate.objects.filter(status=Mandate.Status.ACTIVE, end__lte=until)
        .select_related("official", "entity")
        .annotate(evaluated=Exists(MandateEvaluation.objects.filter(mandate=OuterRef("pk"))))
        .order_by("end", "id")
    )


def mandate_list(*, status: str = "") -> QuerySet[Mandate]:
    mandates = Mandate.objects.select_related("official", "entity")
    if status in Mandate.Status.values:
        mandates = mandates.filter(status=status)
    return mandates.order_by("end", "id")


def vacancy_list() -> QuerySet[Vacancy]:
    return Vacancy.objects.select_related("entity").annotate(
        candidate_count=Count("candidates"),
        women=Count("candidates", filter=Q(candidates__gender="F")),
    )


def candidates_of(*, vacancy: Vacancy) -> QuerySet[TopCandidate]:
    return vacancy.candidates.order_by("name", "id")


def session_list(*, viewer) -> QuerySet[TopSession]:
    me = staff_of(viewer)
    sessions = sessions_visible_to(viewer).annotate(
        registered=Count("registrations"),
        opted_in=Count("registrations", filter=Q(registrations__mailing_opt_in=True)),
    )
    if me is not None:
        sessions = sessions.annotate(mine=Exists(Registration.objects.filter(session=OuterRef("pk"), staff=me)))
    return sessions.order_by("-held_on", "id")


def registrations_of(*, viewer) -> QuerySet[Registration]:
    me = staff_of(viewer)
    if me is None:
        return Registration.objects.none()
    return Registration.objects.filter(staff=me).select_related("session").order_by("-session__held_on")


def mailing_list(*, session: TopSession | None = None) -> QuerySet[Registration]:
    """Registrants who opted in to the mailing list (each person once, over every panel event if no session
    is given)."""
    rows = Registration.objects.filter(mailing_opt_in=True, session__kind=TopSession.Kind.PANEL)
    if session is not None:
        rows = rows.filter(session=session)
    return (
        rows.values("staff_id", "staff__first_name", "staff__last_name", "staff__email", "staff__entity__name")
        .annotate(events=Count("session", distinct=True))
        .order_by("staff__last_name", "staff__first_name", "staff_id")
    )


UNSUBSCRIBE_SALT = "leadership.topmanagement.mailing-unsubscribe"


def mailing_unsubscribe_token(*, staff_id: int) -> str:
    """A token that names one person and cannot be forged (Django's signing, SECRET_KEY): the mailing list's
    unsubscribe link works without signing in, and only for that person."""
    return signing.dumps(staff_id, salt=UNSUBSCRIBE_SALT)


def mailing_unsubscribe_url(*, staff_id: int) -> str:
    return absolute_url("leadership:top-mailing-unsubscribe", mailing_unsubscribe_token(staff_id=staff_id))


def mailing_unsubscribe_staff_id(*, token: str) -> int | None:
    """The person a token names, or None when it was altered or is not one of ours."""
    try:
        value = signing.loads(token[:200], salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def on_mailing_list(*, staff_id: int) -> bool:
    return Registration.objects.filter(staff_id=staff_id, mailing_opt_in=True).exists()
