import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Entity, Staff


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st (or 29 February) becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class Mandate(models.Model):
    """A top official's mandate (N) of `leadership.top_mandate_years`; a renewal is a new mandate that
    follows the previous one, allowed only after a positive end-of-mandate evaluation."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("running")
        RENEWED = "renewed", _("renewed")
        ENDED = "ended", _("ended")

    official = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="top_mandates", verbose_name=_("top official")
    )
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="top_mandates", verbose_name=_("entity"))
    function_title = models.CharField(_("function"), max_length=200)
    start = models.DateField(_("start"), validators=[validate_input_date])
    end = models.DateField(_("end"), validators=[validate_input_date])
    term = models.PositiveSmallIntegerField(pgettext_lazy("mandate", "term"), default=1)
    previous = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="renewal", verbose_name=_("renews")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["end", "id"]
        indexes = [models.Index(fields=["status", "end"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="top_mandate_end_after_start"),
            models.CheckConstraint(condition=Q(term__gte=1), name="top_mandate_term_positive"),
        ]
        verbose_name = _("top-management mandate")
        verbose_name_plural = _("top-management mandates")

    def __str__(self):
        return f"{self.official} — {self.function_title}"


class MandateEvaluation(models.Model):
    """The end-of-mandate evaluation: a positive one opens the renewal."""

    class Result(models.TextChoices):
        POSITIVE = "positive", _("positive")
        NEGATIVE = "negative", _("negative")

    mandate = models.OneToOneField(
        Mandate, on_delete=models.PROTECT, related_name="end_evaluation", verbose_name=_("mandate")
    )
    evaluated_on = models.DateField(_("evaluated on"), validators=[validate_input_date])
    result = models.CharField(_("result"), max_length=10, choices=Result.choices)
    note = models.TextField(_("motivation"), max_length=TEXT_MAX_LENGTH, blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("end-of-mandate evaluation")
        verbose_name_plural = _("end-of-mandate evaluations")

    def __str__(self):
        return f"{self.mandate} — {self.get_result_display()}"


class AnnualEvaluation(models.Model):
    """The yearly evaluation of a top official: one per official and year."""

    class Rating(models.TextChoices):
        EXCELLENT = "excellent", _("excellent")
        GOOD = "good", _("good")
        NEEDS_IMPROVEMENT = "needs_improvement", _("needs improvement")
        INSUFFICIENT = "insufficient", _("insufficient")

    official = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="top_annual_evaluations", verbose_name=_("top official")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("rating"), max_length=20, choices=Rating.choices)
    evaluated_on = models.DateField(_("evaluated on"), validators=[validate_input_date])
    note = models.TextField(_("summary"), max_length=TEXT_MAX_LENGTH, blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        ordering = ["-year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["official", "year"], name="top_annual_evaluation_once_a_year"),
        ]
        verbose_name = _("annual evaluation of a top official")
        verbose_name_plural = _("annual evaluations of top officials")

    def __str__(self):
        return f"{self.official} {self.year}"


class Vacancy(models.Model):
    """A top function to fill (or a leadership-pool selection), with its selection funnel."""

    class Kind(models.TextChoices):
        TOP_FUNCTION = "top", _("top function")
        LEADERSHIP_POOL = "pool", _("leadership-pool selection")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices, default=Kind.TOP_FUNCTION)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, null=True, blank=True, related_name="top_vacancies", verbose_name=_("entity")
    )
    year = models.PositiveSmallIntegerField(_("year of the selection"))
    selection_office = models.CharField(_("external selection office"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=6, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "title", "id"]
        indexes = [models.Index(fields=["year"])]
        verbose_name = _("top-management vacancy")
        verbose_name_plural = _("top-management vacancies")

    def __str__(self):
        return f"{self.title} ({self.year})"


STAGE_ORDER = ["preselection", "assessment", "interview", "shortlist", "appointment"]


class TopCandidate(models.Model):
    """A candidate in a vacancy's funnel: the stage reached and the outcome; gender for monitoring."""

    class Stage(models.TextChoices):
        PRESELECTION = "preselection", _("pre-selection (external selection office)")
        ASSESSMENT = "assessment", _("anonymous assessment")
        INTERVIEW = "interview", _("interview")
        SHORTLIST = "shortlist", _("shortlist presented to government")
        APPOINTMENT = "appointment", _("appointment")

    class Outcome(models.TextChoices):
        IN_PROGRESS = "in_progress", _("in progress")
        ADMITTED = "admitted", _("admitted")
        APPOINTED = "appointed", _("appointed")
        UNSUITABLE = "unsuitable", _("unsuitable")
        WITHDRAWN = "withdrawn", _("withdrawn")
        DEFERRED = "deferred", _("deferred to a later selection")
        NOT_INTERESTED = "not_interested", _("not interested")

    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="candidates", verbose_name=_("vacancy"))
    name = models.CharField(_("name"), max_length=200)
    staff = models.ForeignKey(
        Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("staff member")
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Staff.Gender.choices)
    stage = models.CharField(_("stage reached"), max_length=12, choices=Stage.choices, default=Stage.PRESELECTION)
    outcome = models.CharField(_("outcome"), max_length=14, choices=Outcome.choices, default=Outcome.IN_PROGRESS)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["vacancy", "name", "id"]
        indexes = [models.Index(fields=["vacancy", "outcome"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="appointed") | Q(stage="appointment"), name="top_candidate_appointed_at_the_end"
            ),
        ]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")

    def __str__(self):
        return self.name

    @property
    def presented_to_government(self) -> bool:
        return STAGE_ORDER.index(self.stage) >= STAGE_ORDER.index(self.Stage.SHORTLIST)


class TopSession(models.Model):
    """Intervision and network sessions of top officials, and panel events for (potential) candidates."""

    class Kind(models.TextChoices):
        INTERVISION = "intervision", _("intervision")
        NETWORK = "network", _("network session")
        PANEL = "panel", _("panel event")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"), validators=[validate_input_date])
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True, validators=[validate_input_date])
    cancel_reason = models.TextField(_("reason for cancelling"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "id"]
        constraints = [models.CheckConstraint(condition=Q(capacity__gte=1), name="top_session_capacity_positive")]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.title} ({self.held_on})"

    @property
    def open_to_all(self) -> bool:
        return self.kind == self.Kind.PANEL


class Registration(models.Model):
    """A registration for a session; for a panel event with the opt-in for the mailing list about
    vacancies and initiatives for middle and top management."""

    session = models.ForeignKey(
        TopSession, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("session")
    )
    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="top_registrations", verbose_name=_("staff")
    )
    mailing_opt_in = models.BooleanField(_("on the mailing list"), default=False)
    # None until central HR records the attendance of the session (on or after its day)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["session", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "staff"], name="top_registration_once")]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.staff} — {self.session}"
