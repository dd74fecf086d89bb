"""Who may see and act on international mobility, external mobility and detachments."""

from django.db.models import Q
from django.http import Http404

from hrportal.roles import Role, hr_entity_ids_sql, roles_of, sees_everything, staff_of
from hrportal.scoping import can_manage_staff, can_work_hr_case, staff_scope_q
from mobility.models import Detachment, ExternalApplicant, ExternalVacancy, MobilityApplication, MobilityCall


def is_hr(user) -> bool:
    return sees_everything(user) or Role.HR in roles_of(user)


def can_manage_calls(user) -> bool:
    """Central HR opens calls, keeps external vacancies and the detachment register."""
    return sees_everything(user)


can_manage_external = can_manage_calls
can_manage_detachments = can_manage_calls


def can_apply(user) -> bool:
    return staff_of(user) is not None


def can_decide_as_manager(*, user, application: MobilityApplication) -> bool:
    return can_manage_staff(user=user, staff=application.staff)


def can_record_host_decision(*, user, application: MobilityApplication) -> bool:
    return can_work_hr_case(user=user, staff=application.staff)


def can_file_claim(*, user, application: MobilityApplication) -> bool:
    me = staff_of(user)
    return (me is not None and me.pk == application.staff_id) or can_work_hr_case(user=user, staff=application.staff)


def can_withdraw(*, user, application: MobilityApplication) -> bool:
    me = staff_of(user)
    return me is not None and me.pk == application.staff_id


# --- scoped querysets and fetchers (out of scope answers 404) ---------------------------------------
def calls_visible_to(user):
    """Calls are announced to every member of staff; applications stay scoped."""
    if not user.is_authenticated:
        return MobilityCall.objects.none()
    return MobilityCall.objects.all()


def applications_visible_to(user):
    return MobilityApplication.objects.filter(staff_scope_q(user, prefix="staff__"))


def application_get_visible(*, user, application_id) -> MobilityApplication:
    try:
        return (
            applications_visible_to(user)
            .select_related("call", "staff", "staff__entity", "host")
            .get(pk=application_id)
        )
    except (MobilityApplication.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def call_get_visible(*, user, call_id) -> MobilityCall:
    try:
        return calls_visible_to(user).get(pk=call_id)
    except (MobilityCall.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def vacancies_visible_to(user):
    """HR officers see the vacancies of their entities, central HR all of them; others none."""
    if sees_everything(user):
        return ExternalVacancy.objects.all()
    if Role.HR in roles_of(user):
        return ExternalVacancy.objects.filter(entity_id__in=hr_entity_ids_sql(user.pk))
    return ExternalVacancy.objects.none()


def vacancy_get_visible(*, user, vacancy_id) -> ExternalVacancy:
    try:
        return vacancies_visible_to(user).select_related("entity").get(pk=vacancy_id)
    except (ExternalVacancy.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def applicant_get_visible(*, user, applicant_id) -> ExternalApplicant:
    try:
        return ExternalApplicant.objects.select_related("vacancy").get(
            pk=applicant_id, vacancy__in=vacancies_visible_to(user)
        )
    except (ExternalApplicant.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def detachments_visible_to(user):
    """The register: central HR all of it; HR officers their entities' staff; a person their own."""
    if not user.is_authenticated:
        return Detachment.objects.none()
    if sees_everything(user):
        return Detachment.objects.all()
    me = staff_of(user)
    q = Q(pk__in=[])
    if me is not None:
        q |= Q(staff_id=me.pk)
    if Role.HR in roles_of(user):
        q |= Q(staff__entity_id__in=hr_entity_ids_sql(user.pk))
    return Detachment.objects.filter(q)


def detachment_get_visible(*, user, detachment_id) -> Detachment:
    try:
        return detachments_visible_to(user).select_related("staff", "staff__entity").get(pk=detachment_id)
    except (Detachment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
