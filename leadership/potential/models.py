from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Competency, Staff
from leadership.roles.models import LeadershipRole, ManagementLevel


class Assessment(models.Model):
    """A leadership-potential assessment of a candidate for one of the four roles. Its result is personal: only
    the person and HR see it (hrportal.scoping.can_see_assessment)."""

    class Result(models.TextChoices):
        POTENTIAL = "potential", _("has potential")
        DEVELOP = "develop", _("potential after development")
        NOT_YET = "not_yet", _("no potential yet")

    staff = models.ForeignKey(
        Staff, on_delete=models.CASCADE, related_name="leadership_assessments", verbose_name=_("candidate")
    )
    role = models.CharField(_("role"), max_length=14, choices=LeadershipRole.choices)
    tier = models.CharField(_("management tier"), max_length=5, choices=ManagementLevel.choices)
    assessed_on = models.DateField(_("assessed on"), validators=[validate_input_date])
    assessors = models.ManyToManyField(Staff, related_name="+", verbose_name=_("assessors"))
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    advice = models.TextField(_("advice"), max_length=TEXT_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        indexes = [models.Index(fields=["staff", "-assessed_on"]), models.Index(fields=["result", "assessed_on"])]
        verbose_name = _("potential assessment")
        verbose_name_plural = _("potential assessments")

    def __str__(self):
        return f"{self.staff} — {self.get_role_display()} ({self.assessed_on})"


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    score = models.PositiveSmallIntegerField(_("score"), choices=[(i, str(i)) for i in range(1, 5)])

    class Meta:
        ordering = ["competency__name"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "competency"], name="leadership_score_once"),
            models.CheckConstraint(condition=Q(score__gte=1) & Q(score__lte=4), name="leadership_score_1_4"),
        ]
        verbose_name = _("score")
        verbose_name_plural = _("scores")

    def __str__(self):
        return f"{self.competency} {self.score}"
