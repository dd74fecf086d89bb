"""Writes of the function-level matrix: central HR adds, changes and reclassifies functions (dated, audited,
with each person's history of function and class); HR records a person's new function."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import date_check_bounds, unique_or_invalid
from hrportal.models import Function, FunctionFamily, Staff
from hrportal.scoping import can_work_hr_case
from reward.matrix import events
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory
from reward.matrix.permissions import can_manage_matrix


def _check_class(function_class, errors: dict, field: str = "function_class") -> None:
    if function_class is None or not (Function.MIN_CLASS <= function_class <= Function.MAX_CLASS):
        errors[field] = _("A function class lies between %(min)s and %(max)s.") % {
            "min": Function.MIN_CLASS,
            "max": Function.MAX_CLASS,
        }


@transaction.atomic
def function_create(
    *, actor, name: str, family: FunctionFamily | None, function_class: int, weight: int = 0, teleworkable: bool = True
) -> Function:
    if not can_manage_matrix(actor):
        raise PermissionDenied
    errors: dict = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Give the function a name.")
    _check_class(function_class, errors)
    if weight is None or weight < 0:
        errors["weight"] = _("The weight cannot be negative.")
    if name and Function.objects.filter(name=name, family=family, function_class=function_class).exists():
        errors["name"] = _("This cell already holds a function with this name.")
    if errors:
        raise ValidationError(errors)
    with unique_or_invalid(_("This cell already holds a function with this name."), field="name"):
        function = Function.objects.create(
            name=name, family=family, function_class=function_class, weight=weight, teleworkable=teleworkable
        )
    events.function_created(function=function, actor=actor)
    return function


@transaction.atomic
def function_update(*, actor, function_id: int, name: str, weight: int, teleworkable: bool) -> Function:
    """Name, weight and teleworkability; the class changes only by a dated reclassification."""
    if not can_manage_matrix(actor):
        raise PermissionDenied
    function = Function.objects.select_for_update().get(pk=function_id)
    errors: dict = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Give the function a name.")
    if weight is None or weight < 0:
        errors["weight"] = _("The weight cannot be negative.")
    if (
        name
        and Function.objects.filter(name=name, family=function.family, function_class=function.function_class)
        .exclude(pk=function.pk)
        .exists()
    ):
        errors["name"] = _("This cell already holds a function with this name.")
    if errors:
        raise ValidationError(errors)
    before = {"name": function.name, "weight": function.weight, "teleworkable": function.teleworkable}
    function.name, function.weight, function.teleworkable = name, weight, teleworkable
    with unique_or_invalid(_("This cell already holds a function with this name."), field="name"):
        function.save(update_fields=["name", "weight", "teleworkable"])
    events.function_changed(function=function, actor=actor, before=before)
    return function


def _open_history(staff_ids: list[int], function: Function, old_class: int, new_class: int, on: date) -> None:
    """Each holder's history: the open row ends the day before `on` and a row in the new class starts on it;
    a holder without history gets the old class from their entity start (the best date the record holds)."""
    open_rows = {
        row.staff_id: row
        for row in StaffFunctionHistory.objects.select_for_update().filter(staff_id__in=staff_ids, valid_until=None)
    }
    new_rows, changed, same_day = [], [], []
    starts = dict(Staff.objects.filter(pk__in=staff_ids).values_list("pk", "entity_start"))
    for staff_id in staff_ids:
        row = open_rows.get(staff_id)
        if row is not None and row.valid_from >= on:
            row.function_class = new_class
            same_day.append(row)
            continue
        if row is not None:
            row.valid_until = on - timedelta(days=1)
            changed.append(row)
        elif starts[staff_id] < on:
            new_rows.append(
                StaffFunctionHistory(
                    staff_id=staff_id,
                    function=function,
                    function_class=old_class,
                    valid_from=starts[staff_id],
                    valid_until=on - timedelta(days=1),
                )
            )
        new_rows.append(
            StaffFunctionHistory(staff_id=staff_id, function=function, function_class=new_class, valid_from=on)
        )
    StaffFunctionHistory.objects.bulk_update(changed, ["valid_until"], batch_size=2000)
    StaffFunctionHistory.objects.bulk_update(same_day, ["function_class"], batch_size=2000)
    StaffFunctionHistory.objects.bulk_create(new_rows, batch_size=2000)


@transaction.atomic
def function_reclassify(
    *,
    actor,
    function_id: int,
    to_class: int,
    effective_date: date,
    reason: str,
    to_family: FunctionFamily | None = None,
    keep_family: bool = True,
    today: date | None = None,
) -> FunctionReclassification:
    """Move a function to another class (and family) from a date on, today or earlier; the people in the
    function keep a dated history, so that a decision can say which class applied on its date."""
    if not can_manage_matrix(actor):
        raise PermissionDenied
    today = today or timezone.localdate()
    function = Function.objects.select_for_update().get(pk=function_id)
    family = function.family if keep_family else to_family
    errors: dict = {}
    _check_class(to_class, errors, "to_class")
    try:
        date_check_bounds(field="effective_date", value=effective_date)
    except ValidationError as error:
        errors.update(error.message_dict)
    else:
        if effective_date > today:
            errors["effective_date"] = _("A reclassification takes effect today or on an earlier date.")
        last = function.reclassifications.order_by("-effective_date").first()
        if last is not None and effective_date <= last.effective_date:
            errors["effective_date"] = _("The function was already reclassified on %(date)s; take a later date.") % {
                "date": last.effective_date.strftime("%d-%m-%Y")
            }
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for the reclassification.")
    if not errors and to_class == function.function_class and family == function.family:
        errors["to_class"] = _("The function is already in this class and family.")
    if not errors and (
        Function.objects.filter(name=function.name, family=family, function_class=to_class)
        .exclude(pk=function.pk)
        .exists()
    ):
        errors["to_class"] = _("That cell already holds a function with this name.")
    if errors:
        raise ValidationError(errors)
    reclassification = FunctionReclassification.objects.create(
        function=function,
        from_family=function.family,
        to_family=family,
        from_class=function.function_class,
        to_class=to_class,
        effective_date=effective_date,
        reason=reason.strip(),
        decided_by=actor,
    )
    staff_ids = list(Staff.objects.filter(function=function).values_list("pk", flat=True))
    _open_history(staff_ids, function, function.function_class, to_class, effective_date)
    function.function_class, function.family = to_class, family
    function.save(update_fields=["function_class", "family"])
    events.function_reclassified(reclassification=reclassification, actor=actor, staff_count=len(staff_ids))
    return reclassification


@transaction.atomic
def staff_function_set(*, actor, staff: Staff, function: Function, on: date) -> Staff:
    """HR records that a person holds another function from a date on (history kept)."""
    if not can_work_hr_case(user=actor, staff=staff):
        raise PermissionDenied
    staff = Staff.objects.select_for_update(of=("self",)).get(pk=staff.pk)
    date_check_bounds(field="on", value=on)
    if staff.function_id == function.pk:
        raise ValidationError({"function": _("This person already holds this function.")})
    current = StaffFunctionHistory.objects.select_for_update().filter(staff=staff, valid_until=None).first()
    if current is not None and current.valid_from >= on:
        raise ValidationError({"on": _("The function history already has a change on or after this date.")})
    if current is not None:
        current.valid_until = on - timedelta(days=1)
        current.save(update_fields=["valid_until"])
    elif staff.function_id is not None and staff.entity_start < on:
        StaffFunctionHistory.objects.create(
            staff=staff,
            function_id=staff.function_id,
            function_class=staff.function.function_class,
            valid_from=staff.entity_start,
            valid_until=on - timedelta(days=1),
        )
    StaffFunctionHistory.objects.create(
        staff=staff, function=function, function_class=function.function_class, valid_from=on
    )
    before = staff.function_id
    staff.function = function
    staff.save(update_fields=["function"])
    events.staff_function_changed(staff=staff, function=function, before_function_id=before, on=on, actor=actor)
    return staff
