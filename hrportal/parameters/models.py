from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import validate_input_date


class PolicyParameter(models.Model):
    """A value of a rule's number in force from a date on. Keys and defaults: hrportal.parameters.catalogue."""

    key = models.CharField(_("parameter"), max_length=80, db_index=True)
    value = models.JSONField(_("value"))
    valid_from = models.DateField(_("in force from"), validators=[validate_input_date])
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["key", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["key", "valid_from"], name="parameter_one_value_per_date")]
        verbose_name = _("policy parameter")
        verbose_name_plural = _("policy parameters")

    def __str__(self):
        return f"{self.key} = {self.value} ({self.valid_from})"
