"""Insufficient evaluations and professional unfitness (beroepsongeschiktheid): one case per "insufficient"
of the core's evaluation history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from deployability.redeployment.models import GuidanceTrajectory
from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Evaluation, Staff


class EvaluationCase(models.Model):
    class Status(models.TextChoices):
        DECISION = "decision", _("decision pending: guidance or dismissal")
        GUIDANCE = "guidance", _("guidance: following the next evaluations")
        DISMISSAL_REQUIRED = "dismissal_required", _("dismissal mandatory: decision pending")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        NONE = "", _("not closed")
        DISMISSED_SPECIAL = "dismissed_special", _("dismissed in special circumstances")
        DISMISSED_MANDATORY = "dismissed_mandatory", _("dismissed after a second insufficient")
        RECOVERED = "recovered", _("the next evaluations were sufficient")

    OPEN = (Status.DECISION, Status.GUIDANCE, Status.DISMISSAL_REQUIRED)

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="evaluation_cases")
    evaluation = models.OneToOneField(
        Evaluation, on_delete=models.PROTECT, related_name="case", verbose_name=_("insufficient evaluation")
    )
    opened_on = models.DateField(_("opened on"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DECISION)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, default="", blank=True)
    special_circumstances = models.TextField(
        _("finding of special circumstances"), max_length=TEXT_MAX_LENGTH, blank=True
    )
    trajectory = models.ForeignKey(
        GuidanceTrajectory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("guidance trajectory"),
    )
    guidance_started_on = models.DateField(_("guidance started on"), null=True, blank=True)
    second_insufficient = models.ForeignKey(
        Evaluation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("second insufficient evaluation"),
    )
    hr_notified = models.BooleanField(_("HR told"), default=False)
    dismissal_decided_on = models.DateField(
        _("dismissal decided on"), null=True, blank=True, validators=[validate_input_date]
    )
    dismissal_note = models.TextField(_("dismissal decision"), max_length=TEXT_MAX_LENGTH, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["status", "staff"]),
            models.Index(fields=["opened_on", "id"], name="evaluation_case_list_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(outcome="dismissed_special") | ~models.Q(special_circumstances=""),
                name="evaluation_case_special_dismissal_has_finding",
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="dismissed_mandatory") | models.Q(dismissal_decided_on__isnull=False),
                name="evaluation_case_mandatory_dismissal_has_decision",
            ),
        ]
        verbose_name = _("insufficient-evaluation case")
        verbose_name_plural = _("insufficient-evaluation cases")

    def __str__(self):
        return f"{self.staff} – {self.evaluation.evaluated_on}"
