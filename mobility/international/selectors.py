"""Reads for a viewer: lists scoped in the queryset, totals aggregated in the database."""

from datetime import date

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from hrportal.roles import Role, hr_entity_ids_sql, roles_of, staff_of
from hrportal.scoping import team_ids_sql
from mobility.international.permissions import (
    applications_visible_to,
    calls_visible_to,
    detachments_visible_to,
    vacancies_visible_to,
)
from mobility.models import Detachment, ExpenseClaim, ExternalVacancy, MobilityApplication, MobilityCall

Status = MobilityApplication.Status
ZERO = Value(0, output_field=DecimalField(max_digits=14, decimal_places=2))


def call_list(*, viewer, open_on: date | None = None) -> QuerySet[MobilityCall]:
    calls = calls_visible_to(viewer)
    if open_on is not None:
        calls = calls.filter(opens_on__lte=open_on, closes_on__gte=open_on)
    return calls.annotate(
        application_count=Count("applications", filter=Q(applications__in=applications_visible_to(viewer)))
    ).order_by("-opens_on", "title")


def application_list(*, viewer, call_id: int | None = None, status: str | None = None):
    applications = applications_visible_to(viewer).select_related("call", "staff", "staff__entity", "host")
    if call_id is not None:
        applications = applications.filter(call_id=call_id)
    if status:
        applications = applications.filter(status=status)
    return applications.order_by("-submitted_at", "-id")


def applications_awaiting_manager(*, viewer):
    """Applications of the viewer's team (direct and indirect reports) that wait for a manager's agreement."""
    me = staff_of(viewer)
    if me is None or Role.MANAGER not in roles_of(viewer):
        return MobilityApplication.objects.none()
    return MobilityApplication.objects.filter(status=Status.SUBMITTED, staff_id__in=team_ids_sql(me.pk))


def applications_awaiting_host(*, viewer):
    """Agreed applications of the HR officer's entities that wait for the host's answer."""
    if Role.HR not in roles_of(viewer) and Role.CENTRAL not in roles_of(viewer) and Role.ADMIN not in roles_of(viewer):
        return MobilityApplication.objects.none()
    waiting = MobilityApplication.objects.filter(status__in=[Status.AWAITING_HOST, Status.COUNTERPART_SOUGHT])
    if Role.CENTRAL in roles_of(viewer) or Role.ADMIN in roles_of(viewer):
        return waiting
    return waiting.filter(staff__entity_id__in=hr_entity_ids_sql(viewer.pk))


def claim_totals_per_call(*, viewer) -> list[dict]:
    """Claimed and centrally reimbursed amounts per call, over the claims the viewer may see: one query."""
    rows = (
        ExpenseClaim.objects.filter(application__in=applications_visible_to(viewer))
        .values("application__call_id", "application__call__title", "application__call__kind")
        .annotate(
            claims=Count("id"),
            claimed=Coalesce(Sum("amount"), ZERO),
            travel=Coalesce(Sum("amount", filter=Q(kind=ExpenseClaim.Kind.TRAVEL)), ZERO),
            stay=Coalesce(Sum("amount", filter=Q(kind=ExpenseClaim.Kind.STAY)), ZERO),
            reimbursed=Coalesce(Sum("reimbursed_amount"), ZERO),
        )
        .order_by("application__call__title", "application__call_id")
    )
    kinds = dict(MobilityCall.Kind.choices)
    return [
        {
            "call_id": row["application__call_id"],
            "title": row["application__call__title"],
            "kind": row["application__call__kind"],
            "kind_label": kinds.get(row["application__call__kind"], ""),
            "claims": row["claims"],
            "claimed": row["claimed"],
            "travel": row["travel"],
            "stay": row["stay"],
            "reimbursed": row["reimbursed"],
            "own_share": row["claimed"] - row["reimbursed"],
        }
        for row in rows
    ]


def vacancy_list(*, viewer) -> QuerySet[ExternalVacancy]:
    return (
        vacancies_visible_to(viewer)
        .select_related("entity")
        .annotate(
            applicant_count=Count("applicants"),
            passed_count=Count("applicants", filter=Q(applicants__selection="passed")),
        )
        .order_by("status", "-closes_on", "title")
    )


def detachment_list(*, viewer) -> QuerySet[Detachment]:
    return detachments_visible_to(viewer).select_related("staff", "staff__entity").order_by("-start", "id")


def detachment_totals(*, viewer, on: date) -> dict:
    """Running detachments on `on` and their yearly central compensation, in one query."""
    running = Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))
    return detachments_visible_to(viewer).aggregate(
        running=Count("id", filter=running),
        compensated=Count("id", filter=running & Q(institution_pays_salary=False)),
        compensation=Coalesce(Sum("compensation_amount", filter=running), ZERO),
    )
