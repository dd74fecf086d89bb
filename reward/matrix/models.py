"""The function-level matrix (functieniveaumatrix) is the core's FunctionFamily x class with its Function rows;
this part adds what a dated decision needs: the reclassifications of a function and each person's history of
function and class."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Function, FunctionFamily, Staff


class FunctionReclassification(models.Model):
    """Central HR moved a function to another class (or family) from a date on."""

    function = models.ForeignKey(
        Function, on_delete=models.CASCADE, related_name="reclassifications", verbose_name=_("function")
    )
    from_family = models.ForeignKey(
        FunctionFamily, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("old family")
    )
    to_family = models.ForeignKey(
        FunctionFamily, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("new family")
    )
    from_class = models.PositiveSmallIntegerField(_("old class"))
    to_class = models.PositiveSmallIntegerField(_("new class"))
    effective_date = models.DateField(_("in force from"), validators=[validate_input_date])
    reason = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "-id"]
        indexes = [models.Index(fields=["function", "effective_date"])]
        verbose_name = _("reclassification")
        verbose_name_plural = _("reclassifications")

    def __str__(self):
        return f"{self.function.name}: {self.from_class} → {self.to_class} ({self.effective_date})"


class StaffFunctionHistory(models.Model):
    """Which function, in which class, a person held from a date until a date (open: still)."""

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="function_history", verbose_name=_("staff"))
    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+", verbose_name=_("function"))
    function_class = models.PositiveSmallIntegerField(_("function class"))
    valid_from = models.DateField(_("from"), validators=[validate_input_date])
    valid_until = models.DateField(_("until"), null=True, blank=True, validators=[validate_input_date])

    class Meta:
        ordering = ["staff", "valid_from"]
        indexes = [models.Index(fields=["staff", "valid_from"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="staff_function_history_order",
            ),
        ]
        verbose_name = _("function history")
        verbose_name_plural = _("function history")

    def __str__(self):
        return f"{self.staff}: {self.function.name} ({self.function_class}) {self.valid_from}–{self.valid_until or ''}"


class FamilyDeactivation(models.Model):
    """Central HR took a function family out of use (only when no function sits in it): it leaves the matrix's
    columns and the family choices; deleting this row puts it back. The core's FunctionFamily stays as is."""

    family = models.OneToOneField(
        FunctionFamily,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="deactivation",
        verbose_name=_("function family"),
    )
    reason = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH)
    deactivated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    deactivated_at = models.DateTimeField(_("deactivated at"), auto_now_add=True)

    class Meta:
        verbose_name = _("deactivated function family")
        verbose_name_plural = _("deactivated function families")

    def __str__(self):
        return str(self.family)
