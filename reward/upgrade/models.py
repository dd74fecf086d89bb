"""The temporary function-upgrade allowance (toelage tijdelijke functieverzwaring).

A grant names the heavier function of the matrix, the tasks and a percentage; it runs in periods: the first
one and each explicit extension is a period of its own, decided on a date and checked against the policy
parameters in force on that date, which the period records.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Function, Staff


class UpgradeAllowance(models.Model):
    class Regime(models.TextChoices):
        UNKNOWN = "unknown", _("unknown duration")
        KNOWN = "known", _("known duration")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        ENDED_EARLY = "ended_early", _("ended early")

    holder = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="upgrade_allowances", verbose_name=_("holder")
    )
    function = models.ForeignKey(
        Function, on_delete=models.PROTECT, related_name="upgrade_allowances", verbose_name=_("function of the tasks")
    )
    function_class = models.PositiveSmallIntegerField(_("class of the tasks"))
    own_class = models.PositiveSmallIntegerField(_("own function class"))
    tasks = models.TextField(_("heavier tasks"), max_length=TEXT_MAX_LENGTH)
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2)
    regime = models.CharField(_("regime"), max_length=8, choices=Regime.choices, default=Regime.UNKNOWN)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("granted by")
    )
    decision_date = models.DateField(_("decision date"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    ended_on = models.DateField(_("ended on"), null=True, blank=True, validators=[validate_input_date])
    end_reason = models.TextField(_("reason for the early end"), max_length=TEXT_MAX_LENGTH, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    parameters = models.JSONField(_("parameters in force"), default=dict)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-decision_date", "-id"]
        indexes = [models.Index(fields=["holder", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(percentage__gt=0) & Q(percentage__lte=100), name="upgrade_percentage_in_0_100"
            ),
            models.CheckConstraint(
                condition=(Q(status="ended_early") & Q(ended_on__isnull=False))
                | (Q(status="active") & Q(ended_on__isnull=True)),
                name="upgrade_ended_early_has_date",
            ),
        ]
        verbose_name = _("function-upgrade allowance")
        verbose_name_plural = _("function-upgrade allowances")

    def __str__(self):
        return f"{self.holder} — {self.function} ({self.percentage} %)"


class UpgradePeriod(models.Model):
    """One period of an allowance: the first one or an extension. Periods of one person never overlap."""

    class Kind(models.TextChoices):
        INITIAL = "initial", _("first period")
        EXTENSION = "extension", _("extension")

    allowance = models.ForeignKey(
        UpgradeAllowance, on_delete=models.CASCADE, related_name="periods", verbose_name=_("allowance")
    )
    holder = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+", verbose_name=_("holder"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), validators=[validate_input_date])
    planned_end = models.DateField(_("planned end"), validators=[validate_input_date])
    cancelled = models.BooleanField(_("cancelled by the early end"), default=False)
    decision_date = models.DateField(_("decision date"), validators=[validate_input_date])
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    parameters = models.JSONField(_("parameters in force"), default=dict)
    notice_queued_at = models.DateTimeField(_("expiry notice sent"), null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["holder", "start"]), models.Index(fields=["end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="upgrade_period_order"),
            models.CheckConstraint(condition=Q(planned_end__gte=F("end")), name="upgrade_period_planned_end"),
        ]
        verbose_name = _("allowance period")
        verbose_name_plural = _("allowance periods")

    def __str__(self):
        return f"{self.allowance_id}: {self.start} – {self.end}"
