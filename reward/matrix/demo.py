"""Demo records of the matrix (called from reward/demo.py): demo-staff's function history (an earlier function,
then the current one) and one function reclassified last year, so that the history pages have something."""

from datetime import date, timedelta

from hrportal.models import Function, Staff
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory


def seed_demo(*, rng, today: date, out) -> None:
    member = Staff.objects.filter(user__username="demo-staff").select_related("function").first()
    if member is None or member.function is None:
        return
    current = member.function
    lower = (
        Function.objects.filter(family=current.family, function_class=current.function_class - 1).order_by("id").first()
    )
    changed = max(member.entity_start, today - timedelta(days=3 * 365))
    rows = []
    if lower is not None and member.entity_start < changed:
        rows.append(
            StaffFunctionHistory(
                staff=member,
                function=lower,
                function_class=lower.function_class,
                valid_from=member.entity_start,
                valid_until=changed - timedelta(days=1),
            )
        )
    rows.append(
        StaffFunctionHistory(staff=member, function=current, function_class=current.function_class, valid_from=changed)
    )
    StaffFunctionHistory.objects.bulk_create(rows)
    # A function reclassified a year ago (the weight study of a family), recorded as central HR would.
    candidates = list(
        Function.objects.exclude(family=None).exclude(pk=current.pk).filter(function_class__gt=7).order_by("id")[:50]
    )
    if candidates:
        function = rng.choice(candidates)
        FunctionReclassification.objects.create(
            function=function,
            from_family=function.family,
            to_family=function.family,
            from_class=function.function_class - 1,
            to_class=function.function_class,
            effective_date=date(today.year - 1, 1, 1),
            reason="Herweging na de functieclassificatie van de familie",
        )
    out.write(f"reward matrix: {len(rows)} history rows, 1 reclassification.")
