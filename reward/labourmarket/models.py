from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Function, Staff


class ShortageFunction(models.Model):
    """A function on central HR's list of shortage occupations (knelpuntberoepen; piloted for doctors), from a
    date and, once it leaves the list, until a date; with the allowance as a yearly gross amount or as a
    percentage of the basic salary."""

    function = models.ForeignKey(
        Function, on_delete=models.PROTECT, related_name="shortage_listings", verbose_name=_("function")
    )
    valid_from = models.DateField(_("on the list from"), validators=[validate_input_date])
    valid_until = models.DateField(
        _("on the list until"),
        null=True,
        blank=True,
        validators=[validate_input_date],
        help_text=_("Empty while the function stays on the list."),
    )
    yearly_amount = models.DecimalField(
        _("yearly gross amount (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    percentage = models.DecimalField(
        _("percentage of the basic salary"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    note = models.TextField(_("note"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["function__name", "-valid_from"]
        indexes = [models.Index(fields=["function", "valid_from"])]
        constraints = [
            models.CheckConstraint(
                condition=(Q(yearly_amount__isnull=False) & Q(percentage__isnull=True))
                | (Q(yearly_amount__isnull=True) & Q(percentage__isnull=False)),
                name="shortage_amount_or_percentage",
            ),
            models.CheckConstraint(
                condition=Q(yearly_amount__isnull=True) | Q(yearly_amount__gt=0), name="shortage_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True) | (Q(percentage__gt=0) & Q(percentage__lte=100)),
                name="shortage_percentage_0_100",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="shortage_period_order",
            ),
        ]
        verbose_name = _("shortage function")
        verbose_name_plural = _("shortage functions")

    def __str__(self):
        return f"{self.function.name} ({self.valid_from:%Y-%m-%d})"

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class LabourMarketAllowance(models.Model):
    """The labour-market allowance (arbeidsmarkttoelage) HR grants a staff member in a shortage function.
    The amount or percentage is copied from the listing at the grant, so a later change of the list does not
    rewrite what was granted."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        ENDED = "ended", _("ended early")
        DELISTED = "delisted", _("ended: function left the shortage list")
        FUNCTION_CHANGED = "changed", _("ended: the person changed function")

    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="labour_market_allowances", verbose_name=_("staff member")
    )
    listing = models.ForeignKey(
        ShortageFunction, on_delete=models.PROTECT, related_name="allowances", verbose_name=_("shortage function")
    )
    start = models.DateField(_("start"), validators=[validate_input_date])
    end = models.DateField(_("end"), validators=[validate_input_date])
    yearly_amount = models.DecimalField(
        _("yearly gross amount (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    percentage = models.DecimalField(
        _("percentage of the basic salary"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    end_reason = models.TextField(_("reason for the end"), max_length=TEXT_MAX_LENGTH, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["staff", "start"]),
            models.Index(fields=["listing", "end"]),
            models.Index(fields=["start", "id"], name="lm_allowance_list_order"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="lm_allowance_period_order"),
            models.CheckConstraint(
                condition=(Q(yearly_amount__isnull=False) & Q(percentage__isnull=True))
                | (Q(yearly_amount__isnull=True) & Q(percentage__isnull=False)),
                name="lm_allowance_amount_or_percentage",
            ),
        ]
        verbose_name = _("labour-market allowance")
        verbose_name_plural = _("labour-market allowances")

    def __str__(self):
        return f"{self.staff} — {self.listing.function.name} ({self.start:%Y-%m-%d})"
