import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Entity, Staff

WEEKDAY_FIELDS = ("monday", "tuesday", "wednesday", "thursday", "friday")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")


def _fixed_days_count():
    terms = [Case(When(**{name: True}, then=Value(1)), default=Value(0)) for name in WEEKDAY_FIELDS]
    return reduce(operator.add, terms)


class TeleworkAgreement(models.Model):
    """A staff member's telework agreement. A change is a new request that supersedes the approved one."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")
        CANCELLED = "cancelled", _("cancelled before it started")

    class Pattern(models.TextChoices):
        FIXED = "fixed", _("fixed weekdays")
        FLEXIBLE = "flexible", _("flexible")

    # Staff records leave by becoming inactive; deleting one (an erasure) takes its agreements along.
    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="telework_agreements", verbose_name=_("staff member")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    days_per_week = models.PositiveSmallIntegerField(_("days per week"))
    pattern = models.CharField(_("pattern"), max_length=8, choices=Pattern.choices, default=Pattern.FIXED)
    monday = models.BooleanField(_("Monday"), default=False)
    tuesday = models.BooleanField(_("Tuesday"), default=False)
    wednesday = models.BooleanField(_("Wednesday"), default=False)
    thursday = models.BooleanField(_("Thursday"), default=False)
    friday = models.BooleanField(_("Friday"), default=False)
    preferred_day = models.PositiveSmallIntegerField(_("preferred day"), choices=Weekday.choices)
    start = models.DateField(_("start"), validators=[validate_input_date])
    end = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Empty: until further notice."), validators=[validate_input_date]
    )
    motivation = models.TextField(_("motivation"), max_length=TEXT_MAX_LENGTH, blank=True)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("changes agreement"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending"), max_length=TEXT_MAX_LENGTH, blank=True)
    parameters = models.JSONField(_("parameters used"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [
            models.Index(fields=["status", "start", "end"]),
            models.Index(fields=["staff", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="telework_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(days_per_week__gte=1) & Q(days_per_week__lte=5), name="telework_days_per_week_1_5"
            ),
            models.CheckConstraint(condition=Q(preferred_day__lte=4), name="telework_preferred_day_is_a_weekday"),
            models.CheckConstraint(
                condition=Q(
                    pattern="flexible", monday=False, tuesday=False, wednesday=False, thursday=False, friday=False
                )
                | Q(pattern="fixed", days_per_week=_fixed_days_count()),
                name="telework_fixed_days_match_days_per_week",
            ),
            models.CheckConstraint(
                condition=Q(pattern="flexible")
                | Q(preferred_day=0, monday=True)
                | Q(preferred_day=1, tuesday=True)
                | Q(preferred_day=2, wednesday=True)
                | Q(preferred_day=3, thursday=True)
                | Q(preferred_day=4, friday=True),
                name="telework_preferred_day_among_fixed_days",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "refused"]) | Q(decided_at__isnull=False),
                name="telework_decision_has_a_date",
            ),
            models.UniqueConstraint(
                fields=["staff"], condition=Q(status="requested"), name="telework_one_pending_request_per_staff"
            ),
        ]
        verbose_name = _("telework agreement")
        verbose_name_plural = _("telework agreements")

    def __str__(self):
        return f"{self.staff} — {self.days_per_week} d/w {self.start:%d/%m/%Y}"

    @property
    def weekdays(self) -> list[int]:
        """The weekdays the agreement counts on: the fixed days, or the preferred day when flexible."""
        if self.pattern == self.Pattern.FLEXIBLE:
            return [self.preferred_day]
        return [i for i, name in enumerate(WEEKDAY_FIELDS) if getattr(self, name)]

    @property
    def weekday_labels(self) -> str:
        if self.pattern == self.Pattern.FLEXIBLE:
            return str(_("flexible, preferably %(day)s") % {"day": Weekday(self.preferred_day).label})
        return ", ".join(str(Weekday(i).label) for i in self.weekdays)


class TeleworkExplanation(models.Model):
    """Comply or explain: an entity's telework state from a date on. No record means the entity complies."""

    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="telework_explanations", verbose_name=_("entity")
    )
    applies_telework = models.BooleanField(
        _("applies time- and place-independent work"),
        default=False,
        help_text=_("Untick when the entity does not apply it; then explain why."),
    )
    explanation = models.TextField(_("explanation"), max_length=TEXT_MAX_LENGTH, blank=True)
    effective_from = models.DateField(_("effective from"), validators=[validate_input_date])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["entity", "-effective_from", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["entity", "effective_from"], name="telework_explanation_one_per_day"),
            models.CheckConstraint(
                condition=Q(applies_telework=True) | ~Q(explanation=""), name="telework_deviation_is_explained"
            ),
        ]
        verbose_name = _("comply-or-explain record")
        verbose_name_plural = _("comply-or-explain register")

    def __str__(self):
        state = _("complies") if self.applies_telework else _("deviates")
        return f"{self.entity}: {state} ({self.effective_from:%d/%m/%Y})"
