from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hrportal.inputs import validate_input_date
from hrportal.models import Competency


class LeadershipRole(models.TextChoices):
    """The four roles of a leader in the organisation's leadership model."""

    LEADER = "leader", _("leader")
    MANAGER = "manager", pgettext_lazy("leadership role", "manager")
    COACH = "coach", _("coach")
    ENTREPRENEUR = "entrepreneur", _("entrepreneur")


class ManagementLevel(models.TextChoices):
    """Management tiers a profile is set for: top (N), middle (N-1) and lower management."""

    TOP = "N", _("top management (N)")
    MIDDLE = "N-1", _("middle management (N-1)")
    LOWER = "lower", _("lower management")


class ProfileRequirement(models.Model):
    """One line of a role's competency profile: the level of a dictionary competency required of a leader of a
    management tier, in force from `valid_from` until the day before `valid_until` (open-ended when empty).
    Central HR changes a profile by closing a line and opening a new one, so earlier profiles stay readable."""

    role = models.CharField(_("role"), max_length=14, choices=LeadershipRole.choices)
    tier = models.CharField(_("management tier"), max_length=5, choices=ManagementLevel.choices)
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    required_level = models.PositiveSmallIntegerField(_("required level"), choices=[(i, str(i)) for i in range(1, 5)])
    valid_from = models.DateField(_("in force from"), validators=[validate_input_date])
    valid_until = models.DateField(_("in force until"), null=True, blank=True, validators=[validate_input_date])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["role", "tier", "competency__name", "-valid_from"]
        indexes = [models.Index(fields=["role", "tier", "valid_from"])]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "tier", "competency", "valid_from"], name="leadership_profile_line_once_per_day"
            ),
            models.UniqueConstraint(
                fields=["role", "tier", "competency"],
                condition=Q(valid_until__isnull=True),
                name="leadership_profile_one_open_line",
            ),
            models.CheckConstraint(
                condition=Q(required_level__gte=1) & Q(required_level__lte=4), name="leadership_profile_level_1_4"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=F("valid_from")),
                name="leadership_profile_period_order",
            ),
        ]
        verbose_name = _("role profile requirement")
        verbose_name_plural = _("role profile requirements")

    def __str__(self):
        return f"{self.get_role_display()} {self.tier}: {self.competency} {self.required_level}"
