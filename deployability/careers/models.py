from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Competency, Entity, Function, Staff


class FunctionProfileCompetency(models.Model):
    """A competency a function's job profile asks, with the behaviour level (central HR keeps these): the
    career paths compare them with a staff member's competencies."""

    function = models.ForeignKey(
        Function, on_delete=models.CASCADE, related_name="profile_competencies", verbose_name=_("function")
    )
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    level = models.PositiveSmallIntegerField(_("level"), choices=[(i, str(i)) for i in range(1, 5)])

    class Meta:
        ordering = ["function", "competency"]
        constraints = [
            models.UniqueConstraint(fields=["function", "competency"], name="careers_profile_competency_once")
        ]
        verbose_name = _("job-profile competency")
        verbose_name_plural = _("job-profile competencies")

    def __str__(self):
        return f"{self.function} — {self.competency} ({self.level})"


class PromotionPost(models.Model):
    """A statutory promotion post; statutory staff and contractuals recruited through an objective
    recruitment with public announcement may apply."""

    title = models.CharField(_("title"), max_length=200)
    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+", verbose_name=_("function"))
    grade = models.CharField(_("grade"), max_length=3, choices=Staff.Grade.choices)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="promotion_posts", verbose_name=_("entity")
    )
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    opens_on = models.DateField(_("open from"), validators=[validate_input_date])
    closes_on = models.DateField(_("applications until"), validators=[validate_input_date])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        ordering = ["-closes_on", "-id"]
        indexes = [models.Index(fields=["closes_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="careers_post_period_order")
        ]
        verbose_name = _("statutory promotion post")
        verbose_name_plural = _("statutory promotion posts")

    def __str__(self):
        return self.title


class PromotionApplication(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    post = models.ForeignKey(
        PromotionPost, on_delete=models.CASCADE, related_name="applications", verbose_name=_("promotion post")
    )
    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="promotion_applications", verbose_name=_("applicant")
    )
    employment_type = models.CharField(_("employment type"), max_length=12, choices=Staff.EmploymentType.choices)
    motivation = models.TextField(_("motivation"), max_length=TEXT_MAX_LENGTH, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        ordering = ["post", "created_at"]
        constraints = [models.UniqueConstraint(fields=["post", "staff"], name="careers_apply_once")]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self):
        return f"{self.staff} → {self.post}"


class ProjectLeaderAppointment(models.Model):
    """A staff member (contractuals included) appointed project leader."""

    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="project_leaderships", verbose_name=_("project leader")
    )
    project = models.CharField(_("project"), max_length=200)
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), null=True, blank=True, validators=[validate_input_date])
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("appointed by")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-start", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="careers_project_period_order"
            )
        ]
        verbose_name = _("project leader appointment")
        verbose_name_plural = _("project leader appointments")

    def __str__(self):
        return f"{self.staff} — {self.project}"
