from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Staff
from leadership.roles.models import ManagementLevel


class Trajectory(models.Model):
    """A modular development offer for one management level (e.g. the residential pilot for middle management)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    tier = models.CharField(_("management tier"), max_length=5, choices=ManagementLevel.choices)
    is_residential = models.BooleanField(_("residential"), default=False)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        ordering = ["tier", "name"]
        verbose_name = _("development trajectory")
        verbose_name_plural = _("development trajectories")

    def __str__(self):
        return self.name


class Module(models.Model):
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="modules")
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["trajectory", "position", "id"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.name


class Session(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("module"))
    starts_on = models.DateField(_("starts on"), validators=[validate_input_date])
    ends_on = models.DateField(_("ends on"), validators=[validate_input_date])
    location = models.CharField(_("location"), max_length=200)
    capacity = models.PositiveSmallIntegerField(_("seats"))

    class Meta:
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="leadership_session_capacity_positive"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="leadership_session_period_order"),
        ]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.module} ({self.starts_on})"


class Enrolment(models.Model):
    """A seat in a session: held from the request; the line manager agrees or refuses; HR records attendance."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for the line manager")
        AGREED = "agreed", _("agreed")
        REFUSED = "refused", _("refused")
        CANCELLED = "cancelled", _("cancelled")

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("not recorded")
        ATTENDED = "attended", _("attended")
        ABSENT = "absent", _("absent")

    HOLDS_SEAT = (Status.REQUESTED, Status.AGREED)

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="enrolments", verbose_name=_("session"))
    staff = models.ForeignKey(
        Staff, on_delete=models.CASCADE, related_name="leadership_enrolments", verbose_name=_("participant")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    attendance = models.CharField(_("attendance"), max_length=8, choices=Attendance.choices, blank=True, default="")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["session__starts_on", "id"]
        indexes = [models.Index(fields=["session", "status"]), models.Index(fields=["staff", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "staff"],
                condition=Q(status__in=["requested", "agreed"]),
                name="leadership_enrolment_once_per_session",
            ),
            models.CheckConstraint(
                condition=Q(attendance="") | Q(status="agreed"), name="leadership_attendance_only_when_agreed"
            ),
        ]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self):
        return f"{self.staff} — {self.session}"


class OnboardingChecklist(models.Model):
    """The onboarding of a new middle manager, followed by their line manager and HR."""

    staff = models.OneToOneField(
        Staff, on_delete=models.CASCADE, related_name="leadership_onboarding", verbose_name=_("new leader")
    )
    starts_on = models.DateField(_("starts on"), validators=[validate_input_date])
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("onboarding checklist")
        verbose_name_plural = _("onboarding checklists")

    def __str__(self):
        return f"{self.staff} ({self.starts_on})"


class OnboardingItem(models.Model):
    class Kind(models.TextChoices):
        ELEARNING = "elearning", _("e-learning")
        MENTOR = "mentor", _("mentor")
        TALK = "talk", _("first-year talk")

    checklist = models.ForeignKey(OnboardingChecklist, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due on"), validators=[validate_input_date])
    done_on = models.DateField(_("done on"), null=True, blank=True, validators=[validate_input_date])
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["checklist", "due_on", "id"]
        verbose_name = _("onboarding task")
        verbose_name_plural = _("onboarding tasks")

    def __str__(self):
        return self.label
