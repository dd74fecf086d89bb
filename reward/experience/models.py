"""Recognised experience (geldelijke anciënniteit): earlier experience a person asks to have counted."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Staff


class ExperienceRequest(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("waiting for the line manager")
        JUDGED = "judged", _("waiting for HR")
        DECIDED = "decided", _("decided")
        WITHDRAWN = "withdrawn", _("withdrawn")

    staff = models.ForeignKey(
        Staff, on_delete=models.CASCADE, related_name="experience_requests", verbose_name=_("staff member")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    note = models.TextField(_("explanation"), max_length=TEXT_MAX_LENGTH, blank=True)
    submitted_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    judged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    judged_at = models.DateTimeField(_("judged at"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    pro_rata = models.BooleanField(_("part-time periods count pro rata"), default=False)
    shortage_occupation = models.BooleanField(_("shortage occupation"), default=False)
    decision_note = models.TextField(_("decision note"), max_length=TEXT_MAX_LENGTH, blank=True)
    parameters = models.JSONField(_("parameters in force"), default=dict)
    # The decision's effect on pay, dated by `decided_on`: the salary seniority's equivalent start date
    # (reward.experience.selectors.salary_seniority) before and after it, for the payroll.
    salary_seniority_start_before = models.DateField(_("salary seniority counted from, before"), null=True, blank=True)
    salary_seniority_start = models.DateField(_("salary seniority counted from"), null=True, blank=True)
    # A decision HR revised: the new request (a copy of the periods, decided anew) supersedes this one from
    # `superseded_on`; before that date this decision still counts (reward.experience.selectors).
    superseded_by = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("revised by"),
    )
    superseded_on = models.DateField(_("revised on"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["staff", "status"]), models.Index(fields=["status"])]
        verbose_name = _("experience request")
        verbose_name_plural = _("experience requests")

    def __str__(self):
        return f"{self.staff} ({self.get_status_display()})"


class ExperiencePeriod(models.Model):
    class Sector(models.TextChoices):
        PRIVATE = "private", _("private sector")
        SELF_EMPLOYED = "self_employed", _("self-employed")
        PUBLIC = "public", _("public sector")

    request = models.ForeignKey(
        ExperienceRequest, on_delete=models.CASCADE, related_name="periods", verbose_name=_("request")
    )
    employer = models.CharField(_("employer"), max_length=200)
    sector = models.CharField(_("sector"), max_length=14, choices=Sector.choices)
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), validators=[validate_input_date])
    job = models.CharField(_("job"), max_length=200)
    part_time_fraction = models.DecimalField(_("working-time fraction"), max_digits=3, decimal_places=2, default=1)
    relevant = models.BooleanField(_("relevant (line manager)"), null=True, blank=True)
    relevance_note = models.TextField(_("why (not) relevant"), max_length=TEXT_MAX_LENGTH, blank=True)
    recognised = models.BooleanField(_("recognised (HR)"), null=True, blank=True)

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="experience_period_order"),
            models.CheckConstraint(
                condition=Q(part_time_fraction__gt=0) & Q(part_time_fraction__lte=1),
                name="experience_fraction_in_0_1",
            ),
        ]
        verbose_name = _("experience period")
        verbose_name_plural = _("experience periods")

    def __str__(self):
        return f"{self.employer} {self.start}–{self.end}"
