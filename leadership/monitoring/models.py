from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.models import Entity, Staff


class GenderTarget(models.Model):
    """The organisation's target share of women in a management tier, from a year on."""

    class Tier(models.TextChoices):
        TOP = "N", _("top management (N)")
        MIDDLE = "N-1", _("middle management (N-1)")

    year = models.PositiveSmallIntegerField(_("year"))
    tier = models.CharField(_("management tier"), max_length=4, choices=Tier.choices)
    share_percent = models.DecimalField(_("target share of women (%)"), max_digits=5, decimal_places=1)

    class Meta:
        ordering = ["year", "tier"]
        constraints = [
            models.UniqueConstraint(fields=["year", "tier"], name="gender_target_once_per_year_and_tier"),
            models.CheckConstraint(
                condition=Q(share_percent__gte=0) & Q(share_percent__lte=100), name="gender_target_share_0_100"
            ),
        ]
        verbose_name = _("gender target")
        verbose_name_plural = _("gender targets")

    def __str__(self):
        return f"{self.year} {self.tier}: {self.share_percent}%"


class SnapshotCount(models.Model):
    """One cell of a yearly snapshot: staff of an entity in a tier and gender, with their FTE and the
    entity's headcount target that year. Name and code are copied, so a later reorganisation (an entity
    renamed, merged or removed) leaves the history as it was."""

    year = models.PositiveSmallIntegerField(_("year"))
    entity = models.ForeignKey(
        Entity, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entity")
    )
    entity_code = models.CharField(_("entity code"), max_length=40)
    entity_name = models.CharField(_("entity"), max_length=200)
    headcount_target = models.PositiveIntegerField(_("headcount target"), null=True, blank=True)
    tier = models.CharField(_("management tier"), max_length=4, choices=Staff.Tier.choices)
    gender = models.CharField(_("gender"), max_length=1, choices=Staff.Gender.choices)
    headcount = models.PositiveIntegerField(_("headcount"))
    fte = models.DecimalField(_("FTE"), max_digits=10, decimal_places=2)
    taken_at = models.DateTimeField(_("taken at"), auto_now_add=True)

    class Meta:
        ordering = ["year", "entity_name", "tier", "gender"]
        indexes = [models.Index(fields=["year", "tier"])]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "entity_code", "tier", "gender"], name="snapshot_count_once_per_cell"
            ),
        ]
        verbose_name = _("snapshot count")
        verbose_name_plural = _("snapshot counts")

    def __str__(self):
        return f"{self.year} {self.entity_name} {self.tier} {self.gender}: {self.headcount}"
