"""Top management is central HR's business. Central HR and admins manage mandates, evaluations, vacancies,
candidates and sessions; a top official sees their own mandates and evaluations; intervision and network
sessions are for top officials; panel events are open to every member of staff. Candidates (names and
gender) are seen by central HR only; published figures about them go through the monitoring report."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.models import Staff
from hrportal.roles import sees_everything, staff_of
from leadership.models import AnnualEvaluation, Mandate, TopSession, Vacancy


def can_manage_top(user) -> bool:
    return sees_everything(user)


def is_top_official(user) -> bool:
    me = staff_of(user)
    return me is not None and me.is_active and me.management_tier == Staff.Tier.TOP


def has_own_mandate(user) -> bool:
    me = staff_of(user)
    return me is not None and Mandate.objects.filter(official=me).exists()


def mandates_visible_to(user) -> QuerySet[Mandate]:
    if can_manage_top(user):
        return Mandate.objects.all()
    me = staff_of(user)
    if me is None:
        return Mandate.objects.none()
    return Mandate.objects.filter(official=me)


def mandate_get_visible(*, user, mandate_id) -> Mandate:
    try:
        return mandates_visible_to(user).select_related("official", "entity", "previous").get(pk=mandate_id)
    except (Mandate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def annual_evaluations_visible_to(user) -> QuerySet[AnnualEvaluation]:
    if can_manage_top(user):
        return AnnualEvaluation.objects.all()
    me = staff_of(user)
    if me is None:
        return AnnualEvaluation.objects.none()
    return AnnualEvaluation.objects.filter(official=me)


def vacancy_get_managed(*, user, vacancy_id) -> Vacancy:
    if not can_manage_top(user):
        raise Http404
    try:
        return Vacancy.objects.select_related("entity").get(pk=vacancy_id)
    except (Vacancy.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def session_kinds_for(user) -> list[str]:
    if can_manage_top(user) or is_top_official(user):
        return list(TopSession.Kind.values)
    return [TopSession.Kind.PANEL]


def sessions_visible_to(user) -> QuerySet[TopSession]:
    if not user.is_authenticated:
        return TopSession.objects.none()
    return TopSession.objects.filter(Q(kind__in=session_kinds_for(user)))


def session_get_visible(*, user, session_id) -> TopSession:
    try:
        return sessions_visible_to(user).get(pk=session_id)
    except (TopSession.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_register(*, user, session: TopSession) -> bool:
    me = staff_of(user)
    return me is not None and me.is_active and session.kind in session_kinds_for(user)
