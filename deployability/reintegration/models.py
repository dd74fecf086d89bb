from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Function, Staff


class ReintegrationCase(models.Model):
    """Re-integration of a staff member with long-term health problems, with the social-medical team.

    `medical_details` are read only by the person, the case's team and HR of the person's entity
    (hrportal.scoping.can_see_medical); `shared_summary` is what the team writes for the line manager."""

    class Status(models.TextChoices):
        INTAKE = "intake", _("intake")
        RUNNING = "running", _("running")
        CLOSED = "closed", _("closed")

    class Outcome(models.TextChoices):
        OWN_FUNCTION = "own_function", _("back in own function")
        ADAPTED_WORK = "adapted_work", _("back with adapted work")
        PART_TIME = "part_time", _("back part-time")
        OTHER_FUNCTION = "other_function", _("in another function")
        NOT_POSSIBLE = "not_possible", _("re-integration not possible")

    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="reintegration_cases", verbose_name=_("staff member")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.INTAKE)
    intake_on = models.DateField(_("intake on"), validators=[validate_input_date])
    medical_details = models.TextField(_("medical details"), max_length=TEXT_MAX_LENGTH, blank=True)
    shared_summary = models.TextField(
        _("summary shared with the line manager"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text=_("What the line manager may know: no diagnosis, only what matters for the work."),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), max_length=TEXT_MAX_LENGTH, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, validators=[validate_input_date])
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("opened by")
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)

    class Meta:
        ordering = ["-intake_on", "-id"]
        indexes = [models.Index(fields=["status", "intake_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["staff"], condition=~Q(status="closed"), name="reintegration_one_open_case_per_staff"
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | (~Q(outcome="") & Q(closed_on__isnull=False)),
                name="reintegration_closed_has_outcome",
            ),
        ]
        verbose_name = _("re-integration case")
        verbose_name_plural = _("re-integration cases")

    def __str__(self):
        return f"{self.staff} ({self.intake_on:%d/%m/%Y})"


class CaseTeamMember(models.Model):
    """A member of the case's social-medical team."""

    class Role(models.TextChoices):
        PHYSICIAN = "physician", _("occupational physician")
        PREVENTION = "prevention", _("prevention adviser")
        SOCIAL = "social", _("social worker")
        HR = "hr", _("HR case manager")
        OTHER = "other", _("other")

    case = models.ForeignKey(ReintegrationCase, on_delete=models.CASCADE, related_name="team", verbose_name=_("case"))
    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="reintegration_team_seats", verbose_name=_("team member")
    )
    role = models.CharField(_("role in the team"), max_length=12, choices=Role.choices)

    class Meta:
        ordering = ["case", "role", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "staff"], name="reintegration_team_member_once")]
        verbose_name = _("social-medical team member")
        verbose_name_plural = _("social-medical team members")

    def __str__(self):
        return f"{self.staff} — {self.get_role_display()}"


class ReintegrationStep(models.Model):
    """A work arrangement of the case: adapted work, part-time resumption or another function. Steps carry
    no medical detail: the line manager organises the work with them."""

    class Kind(models.TextChoices):
        ADAPTED_WORK = "adapted_work", _("adapted work")
        PART_TIME = "part_time", _("part-time resumption")
        OTHER_FUNCTION = "other_function", _("another function")

    case = models.ForeignKey(ReintegrationCase, on_delete=models.CASCADE, related_name="steps", verbose_name=_("case"))
    kind = models.CharField(_("kind of step"), max_length=16, choices=Kind.choices)
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), null=True, blank=True, validators=[validate_input_date])
    working_time_percent = models.PositiveSmallIntegerField(_("working time (%)"), null=True, blank=True)
    function = models.ForeignKey(
        Function, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("function")
    )
    description = models.TextField(_("arrangement"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["case", "start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="reintegration_step_period_order"
            ),
            models.CheckConstraint(
                condition=~Q(kind="part_time") | Q(working_time_percent__gte=1, working_time_percent__lte=99),
                name="reintegration_part_time_has_percent",
            ),
            models.CheckConstraint(
                condition=~Q(kind="other_function") | Q(function__isnull=False),
                name="reintegration_other_function_named",
            ),
        ]
        verbose_name = _("re-integration step")
        verbose_name_plural = _("re-integration steps")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.start:%d/%m/%Y})"
