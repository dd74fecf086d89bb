from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date


class PayGapJustification(models.Model):
    """HR's answer to a category flagged in the pay-transparency report (mean gap >= the threshold, EU
    Directive 2023/970 art. 10): the gap is justified by objective, gender-neutral criteria, or a remedy is
    planned. Without either within the remedy period a joint pay assessment is due."""

    class Outcome(models.TextChoices):
        JUSTIFIED = "justified", _("justified by objective, gender-neutral criteria")
        REMEDIED = "remedied", _("remedy planned")

    year = models.PositiveSmallIntegerField(_("reference year"))
    scope = models.CharField(_("scope"), max_length=40, help_text=_("'org' or 'entity:<id>'"))
    category = models.CharField(_("category"), max_length=60)
    scope_label = models.CharField(_("organisation or entity"), max_length=200)
    category_label = models.CharField(_("category of workers"), max_length=200)
    mean_gap = models.DecimalField(_("mean gap (%)"), max_digits=7, decimal_places=2)
    flagged_on = models.DateField(_("flagged on"), validators=[validate_input_date])
    due_on = models.DateField(_("justify or remedy by"), validators=[validate_input_date])
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    text = models.TextField(_("justification or remedy"), max_length=TEXT_MAX_LENGTH)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        ordering = ["-year", "scope", "category"]
        constraints = [
            models.UniqueConstraint(fields=["year", "scope", "category"], name="paygap_one_justification_per_category")
        ]
        verbose_name = _("pay-gap justification")
        verbose_name_plural = _("pay-gap justifications")

    def __str__(self):
        return f"{self.year} {self.scope_label} — {self.category_label}"
