"""Writes of the function-level matrix: central HR adds, changes and reclassifies functions (dated, audited,
with each person's history of function and class); HR records a person's new function."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hrportal.inputs import TEXT_MAX_LENGTH, date_check_bounds, unique_or_invalid
from hrportal.models import Function, FunctionFamily, Staff
from hrportal.scoping import can_work_hr_case
from reward.labourmarket.services import allowances_end_on_function_change
from reward.matrix import events
from reward.matrix.models import FamilyDeactivation, FunctionReclassification, StaffFunctionHistory
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
    if family is not None and _family_locked(family.pk).is_deactivated:
        errors["family"] = _("This function family is no longer in use.")
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
    if not keep_family and family is not None and _family_locked(family.pk).is_deactivated:
        errors["to_family"] = _("This function family is no longer in use.")
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
    """HR records that a person holds another function from a date on (history kept); their labour-market
    allowances for the former function end the day before (reward.labourmarket.services)."""
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
    allowances_end_on_function_change(actor=actor, staff=staff, function=function, on=on)
    return staff


# --- Function families (central HR) ------------------------------------------------------------------
# The core's FunctionFamily rows; their names, order and use are kept here. A family in use (a function
# sits in it) cannot be deactivated; the row lock on the family serialises a deactivation against a
# function being added to it or moved into it.

FAMILY_NAME_MAX = 120


def _family_locked(family_id: int) -> FunctionFamily:
    family = FunctionFamily.objects.select_for_update().get(pk=family_id)
    family.is_deactivated = FamilyDeactivation.objects.filter(family_id=family_id).exists()
    return family


def _check_family_names(*, name: str, name_en: str, errors: dict, exclude_id: int | None = None) -> tuple[str, str]:
    name, name_en = (name or "").strip(), (name_en or "").strip()
    for field, value in (("name", name), ("name_en", name_en)):
        if not value:
            errors[field] = _("Give the family a name.")
        elif len(value) > FAMILY_NAME_MAX:
            errors[field] = _("At most %(n)s characters.") % {"n": FAMILY_NAME_MAX}
    if name and FunctionFamily.objects.filter(name__iexact=name).exclude(pk=exclude_id).exists():
        errors["name"] = _("Another function family has this name.")
    return name, name_en


@transaction.atomic
def family_create(*, actor, code: str, name: str, name_en: str, is_management: bool = False) -> FunctionFamily:
    """A new family, placed after the last one."""
    if not can_manage_matrix(actor):
        raise PermissionDenied
    errors: dict = {}
    name, name_en = _check_family_names(name=name, name_en=name_en, errors=errors)
    code = (code or "").strip().lower()
    if not code or len(code) > 50 or not all(c.isascii() and (c.isalnum() or c in "-_") for c in code):
        errors["code"] = _("A code of at most 50 letters, digits, hyphens or underscores.")
    elif FunctionFamily.objects.filter(code=code).exists():
        errors["code"] = _("Another function family has this code.")
    if errors:
        raise ValidationError(errors)
    last = FunctionFamily.objects.select_for_update().order_by("-position").values_list("position", flat=True).first()
    with unique_or_invalid(_("Another function family has this code."), field="code"):
        family = FunctionFamily.objects.create(
            code=code, name=name, name_en=name_en, is_management=bool(is_management), position=(last or 0) + 1
        )
    events.family_event(
        family=family, action="created", actor=actor, after={"code": code, "name": name, "position": family.position}
    )
    return family


@transaction.atomic
def family_update(*, actor, family_id: int, name: str, name_en: str, is_management: bool) -> FunctionFamily:
    """Rename a family (Dutch and English) or mark it a management family; its code stays."""
    if not can_manage_matrix(actor):
        raise PermissionDenied
    family = _family_locked(family_id)
    errors: dict = {}
    name, name_en = _check_family_names(name=name, name_en=name_en, errors=errors, exclude_id=family.pk)
    if errors:
        raise ValidationError(errors)
    before = {"name": family.name, "name_en": family.name_en, "is_management": family.is_management}
    family.name, family.name_en, family.is_management = name, name_en, bool(is_management)
    family.save(update_fields=["name", "name_en", "is_management"])
    after = {"name": family.name, "name_en": family.name_en, "is_management": family.is_management}
    events.family_event(family=family, action="changed", actor=actor, before=before, after=after)
    return family


@transaction.atomic
def family_move(*, actor, family_id: int, direction: str) -> FunctionFamily:
    """Move a family one place up or down in the order of the matrix's columns (the positions are renumbered
    1, 2, 3 ... so that ties left by older data disappear)."""
    if not can_manage_matrix(actor):
        raise PermissionDenied
    if direction not in ("up", "down"):
        raise ValidationError({"direction": _("Move up or down.")})
    families = list(FunctionFamily.objects.select_for_update().order_by("position", "id"))
    index = next((i for i, f in enumerate(families) if f.pk == family_id), None)
    if index is None:
        raise FunctionFamily.DoesNotExist
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(families):
        raise ValidationError({"direction": _("This family is already at that end of the order.")})
    before = families[index].position
    families[index], families[other] = families[other], families[index]
    changed = []
    for position, family in enumerate(families, start=1):
        if family.position != position:
            family.position = position
            changed.append(family)
    FunctionFamily.objects.bulk_update(changed, ["position"])
    moved = families[other]
    events.family_event(
        family=moved, action="moved", actor=actor, before={"position": before}, after={"position": moved.position}
    )
    return moved


@transaction.atomic
def family_deactivate(*, actor, family_id: int, reason: str) -> FunctionFamily:
    """Take a family out of use: only when no function sits in it."""
    if not can_manage_matrix(actor):
        raise PermissionDenied
    family = _family_locked(family_id)
    errors: dict = {}
    reason = (reason or "").strip()
    if family.is_deactivated:
        errors["reason"] = _("This function family is already out of use.")
    elif Function.objects.filter(family_id=family.pk).exists():
        count = Function.objects.filter(family_id=family.pk).count()
        errors["reason"] = ngettext(
            "%(n)s function sits in this family: reclassify it to another family first.",
            "%(n)s functions sit in this family: reclassify them to another family first.",
            count,
        ) % {"n": count}
    elif not reason:
        errors["reason"] = _("Give the reason.")
    if errors:
        raise ValidationError(errors)
    FamilyDeactivation.objects.create(family=family, reason=reason[:TEXT_MAX_LENGTH], deactivated_by=actor)
    events.family_event(
        family=family, action="deactivated", actor=actor, before={"active": True}, after={"active": False}, note=reason
    )
    return family


@transaction.atomic
def family_reactivate(*, actor, family_id: int) -> FunctionFamily:
    if not can_manage_matrix(actor):
        raise PermissionDenied
    family = _family_locked(family_id)
    if not family.is_deactivated:
        raise ValidationError({"reason": _("This function family is in use.")})
    FamilyDeactivation.objects.filter(family_id=family.pk).delete()
    events.family_event(
        family=family, action="reactivated", actor=actor, before={"active": False}, after={"active": True}
    )
    return family
