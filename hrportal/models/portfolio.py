from django.db import models
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date


class Objective(models.TextChoices):
    """The five strategic objectives of the Modern HR policy; one app each."""

    MOBILITY = "mobility", _("Staff mobility")
    DEPLOYABILITY = "deployability", _("Deployability")
    REWARD = "reward", _("Reward")
    WORK_ORGANISATION = "work_organisation", _("Innovative work organisation")
    LEADERSHIP = "leadership", _("Leadership")


class PortfolioAction(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("in preparation")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    class Term(models.TextChoices):
        CURRENT = "current", _("this government term")
        NEXT = "next", _("next government term")

    code = models.CharField(_("code"), max_length=10, unique=True)
    objective = models.CharField(_("objective"), max_length=20, choices=Objective.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    sponsor = models.CharField(_("sponsor"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    continues = models.BooleanField(_("continues"), default=True)
    term = models.CharField(_("term"), max_length=10, choices=Term.choices)
    planned_start = models.DateField(_("planned start"), null=True, blank=True, validators=[validate_input_date])
    planned_end = models.DateField(_("planned end"), null=True, blank=True, validators=[validate_input_date])
    status_text = models.TextField(_("status text"), max_length=TEXT_MAX_LENGTH, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__isnull=True)
                | models.Q(planned_start__isnull=True)
                | models.Q(planned_end__gte=models.F("planned_start")),
                name="portfolio_end_after_start",
            ),
        ]
        verbose_name = _("portfolio action")
        verbose_name_plural = _("portfolio actions")

    def __str__(self):
        return f"{self.code} {self.title}"
