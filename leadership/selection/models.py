from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Entity, Staff


class Selection(models.Model):
    """A selection procedure for a middle-management post of an entity."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    post = models.CharField(_("post"), max_length=200)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="leadership_selections", verbose_name=_("entity")
    )
    opens_on = models.DateField(_("opens on"), validators=[validate_input_date])
    closes_on = models.DateField(_("closes on"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-id"]
        indexes = [models.Index(fields=["entity", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="leadership_selection_period_order")
        ]
        verbose_name = _("middle-management selection")
        verbose_name_plural = _("middle-management selections")

    def __str__(self):
        return f"{self.post} ({self.entity})"


class Candidate(models.Model):
    """An internal (a member of staff) or external (name and e-mail) candidate with the relevant experience HR
    recorded; admissibility is decided when the candidate is recorded and kept with the parameter in force."""

    class Status(models.TextChoices):
        ADMISSIBLE = "admissible", _("admissible")
        NOT_ADMISSIBLE = "not_admissible", _("not admissible")
        APPOINTED = "appointed", _("appointed")
        NOT_APPOINTED = "not_appointed", _("not appointed")

    selection = models.ForeignKey(
        Selection, on_delete=models.CASCADE, related_name="candidates", verbose_name=_("selection")
    )
    staff = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="leadership_candidacies",
        verbose_name=_("internal candidate"),
    )
    external_name = models.CharField(_("name (external candidate)"), max_length=200, blank=True)
    external_email = models.EmailField(_("e-mail (external candidate)"), blank=True)
    experience_years = models.PositiveSmallIntegerField(_("years of relevant experience"))
    experience_months = models.PositiveSmallIntegerField(_("months"), default=0)
    experience_days = models.PositiveSmallIntegerField(_("days"), default=0)
    status = models.CharField(_("status"), max_length=14, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["selection", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(staff__isnull=False) & Q(external_name=""))
                | (Q(staff__isnull=True) & ~Q(external_name="") & ~Q(external_email="")),
                name="leadership_candidate_internal_or_external",
            ),
            models.UniqueConstraint(
                fields=["selection", "staff"], condition=Q(staff__isnull=False), name="leadership_candidate_once"
            ),
            models.CheckConstraint(
                condition=Q(experience_months__lte=11) & Q(experience_days__lte=365),
                name="leadership_candidate_experience_parts",
            ),
        ]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.staff.full_name if self.staff_id else self.external_name

    @property
    def is_internal(self) -> bool:
        return self.staff_id is not None


class Probation(models.Model):
    """The probation of a newly appointed leader, ended by an evaluation."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("running")
        POSITIVE = "positive", _("positive")
        NEGATIVE = "negative", _("negative")

    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="leadership_probations", verbose_name=_("leader")
    )
    candidate = models.OneToOneField(
        Candidate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="probation",
        verbose_name=_("candidacy"),
    )
    post = models.CharField(_("post"), max_length=200)
    starts_on = models.DateField(_("starts on"), validators=[validate_input_date])
    months = models.PositiveSmallIntegerField(_("length (months)"))
    ends_on = models.DateField(_("ends on"), validators=[validate_input_date])
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.PENDING)
    evaluated_on = models.DateField(_("evaluated on"), null=True, blank=True, validators=[validate_input_date])
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    remarks = models.TextField(_("remarks"), max_length=TEXT_MAX_LENGTH, blank=True)
    reminder_queued_at = models.DateTimeField(_("evaluation reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["ends_on", "id"]
        indexes = [models.Index(fields=["outcome", "ends_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="leadership_probation_period_order"),
            models.CheckConstraint(
                condition=Q(outcome="pending") | Q(evaluated_on__isnull=False),
                name="leadership_probation_evaluated_has_date",
            ),
        ]
        verbose_name = _("probation")
        verbose_name_plural = _("probations")

    def __str__(self):
        return f"{self.staff} — {self.post}"
