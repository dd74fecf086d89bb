"""Who may enrol, agree, record attendance and follow onboarding."""

from django.db.models import Q, QuerySet
from django.http import Http404

from hrportal.roles import Role, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, staff_scope_q
from leadership.development.models import Enrolment, OnboardingChecklist, Session


def can_manage_offer(user) -> bool:
    """HR officers and central HR keep trajectories, sessions and attendance."""
    return sees_everything(user) or Role.HR in roles_of(user)


def can_enrol(*, user, staff) -> bool:
    """A member of staff enrols themselves; HR enrols the staff of their entities."""
    me = staff_of(user)
    return (me is not None and me.pk == staff.pk) or can_work_hr_case(user=user, staff=staff)


def can_decide_enrolment(*, user, enrolment: Enrolment) -> bool:
    """The participant's line manager agrees (anyone up their line); someone without a line manager is
    agreed by HR of their entity."""
    staff = enrolment.staff
    if staff.line_manager_id is None:
        return can_work_hr_case(user=user, staff=staff)
    return can_manage_staff(user=user, staff=staff)


def enrolments_visible_to(user) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(staff_scope_q(user, prefix="staff__"))


def enrolment_get_visible(*, user, enrolment_id) -> Enrolment:
    try:
        return enrolments_visible_to(user).select_related("staff", "session__module__trajectory").get(pk=enrolment_id)
    except (Enrolment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def session_get(*, session_id) -> Session:
    try:
        return Session.objects.select_related("module__trajectory").get(pk=session_id)
    except (Session.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def onboarding_scope_q(user) -> Q:
    """The new leader, their line managers and HR of their entity (not other staff)."""
    return staff_scope_q(user, prefix="staff__")


def onboardings_visible_to(user) -> QuerySet[OnboardingChecklist]:
    return OnboardingChecklist.objects.filter(onboarding_scope_q(user))


def onboarding_get_visible(*, user, checklist_id) -> OnboardingChecklist:
    try:
        return onboardings_visible_to(user).select_related("staff", "staff__entity").get(pk=checklist_id)
    except (OnboardingChecklist.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_tick_onboarding(*, user, checklist: OnboardingChecklist) -> bool:
    """The line manager and HR follow the checklist and tick its tasks."""
    return can_manage_staff(user=user, staff=checklist.staff) or can_work_hr_case(user=user, staff=checklist.staff)
