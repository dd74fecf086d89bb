from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Staff


class LeaveRight(models.Model):
    """One kind of leave in the catalogue: a leave *right* (EU, federal or own rules, with a yearly
    entitlement where there is one) or the one standardised favour leave (gunstverlof)."""

    class Source(models.TextChoices):
        EU = "eu", _("European rules")
        FEDERAL = "federal", _("federal rules")
        OWN = "own", _("own staff regulations")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.OWN)
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    yearly_entitlement_days = models.PositiveSmallIntegerField(
        _("yearly entitlement (days)"),
        null=True,
        blank=True,
        help_text=_("Empty when the right has no yearly number of days."),
    )
    is_favour_leave = models.BooleanField(
        _("standardised favour leave"),
        default=False,
        help_text=_("Unpaid, counted as service activity, not capped, whole days, in as many pieces as wanted."),
    )
    paid = models.BooleanField(_("paid"), default=True)
    counts_as_service = models.BooleanField(_("counts as service activity"), default=True)
    half_days_allowed = models.BooleanField(_("half days allowed"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_favour_leave"], condition=Q(is_favour_leave=True), name="leave_one_favour_leave"
            ),
            # The favour leave is unpaid, counts as service, has no cap and is taken in whole days.
            models.CheckConstraint(
                condition=Q(is_favour_leave=False)
                | Q(paid=False, counts_as_service=True, yearly_entitlement_days__isnull=True, half_days_allowed=False),
                name="leave_favour_leave_shape",
            ),
        ]
        verbose_name = _("leave right")
        verbose_name_plural = _("leave rights")

    def __str__(self):
        return self.name

    @property
    def is_capped(self) -> bool:
        return self.yearly_entitlement_days is not None


class PublicHoliday(models.Model):
    """A public holiday: a weekday that is a holiday is not a leave day. The Belgian legal holidays of 2025-2027
    are loaded by migration 0003 (reference data); central HR keeps the table in the admin (later years, or
    a day of the Flemish staff regulations such as 11 July)."""

    day = models.DateField(_("day"), unique=True, validators=[validate_input_date])
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["day"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return f"{self.name} ({self.day:%d/%m/%Y})"


class LeaveRequest(models.Model):
    """A staff member asks leave of one kind for a period; the line manager approves or refuses."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")
        WITHDRAWN = "withdrawn", _("withdrawn")

    # Requests that hold days: they count against the entitlement and block an overlapping request.
    HOLDING = (Status.REQUESTED, Status.APPROVED)

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="leave_requests", verbose_name=_("staff"))
    right = models.ForeignKey(
        LeaveRight, on_delete=models.PROTECT, related_name="requests", verbose_name=_("kind of leave")
    )
    start = models.DateField(_("first day"), validators=[validate_input_date])
    end = models.DateField(_("last day"), validators=[validate_input_date])
    half_day = models.BooleanField(_("half day"), default=False)
    days = models.DecimalField(_("working days"), max_digits=5, decimal_places=1)
    note = models.TextField(_("note"), max_length=TEXT_MAX_LENGTH, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["staff", "start"]),
            models.Index(fields=["status", "start"]),
            models.Index(fields=["right", "start"]),
            models.Index(fields=["start", "id"], name="leave_request_list_order"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="leave_request_period_order"),
            models.CheckConstraint(condition=Q(days__gt=Decimal("0")), name="leave_request_days_positive"),
            models.CheckConstraint(condition=Q(half_day=False) | Q(end=F("start")), name="leave_half_day_one_day"),
        ]
        verbose_name = _("leave request")
        verbose_name_plural = _("leave requests")

    def __str__(self):
        return f"{self.staff} — {self.right} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}"
