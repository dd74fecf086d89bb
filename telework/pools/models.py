from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Entity, Staff


class Pool(models.Model):
    """A mobile pool: certified coaches, or process facilitators for innovative work organisation."""

    class Kind(models.TextChoices):
        COACHES = "coaches", _("coach pool")
        FACILITATORS = "facilitators", _("process facilitator pool")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("mobile pool")
        verbose_name_plural = _("mobile pools")

    def __str__(self):
        return self.name


class PoolMember(models.Model):
    """A staff member in a pool. Central HR keeps the list; the coordinator assigns requests to members.
    Someone who leaves stays with is_active=False; only erasing the person (a hard delete) removes their pool
    records, hence CASCADE on staff and entity (the audit trail keeps the decisions)."""

    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="members", verbose_name=_("pool"))
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="pool_memberships", verbose_name=_("staff"))
    certified_on = models.DateField(_("certified on"), null=True, blank=True, validators=[validate_input_date])
    is_active = models.BooleanField(_("active"), default=True)
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["pool", "-is_coordinator", "staff__last_name", "staff__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["pool", "staff"], name="pool_member_once_per_pool"),
            models.UniqueConstraint(fields=["pool"], condition=Q(is_coordinator=True), name="pool_one_coordinator"),
            models.CheckConstraint(
                condition=Q(is_coordinator=False) | Q(is_active=True, certified_on__isnull=False),
                name="pool_coordinator_active_and_certified",
            ),
        ]
        verbose_name = _("pool member")
        verbose_name_plural = _("pool members")

    def __str__(self):
        return f"{self.staff} ({self.pool})"

    @property
    def is_assignable(self) -> bool:
        return self.is_active and self.certified_on is not None


class SupportRequest(models.Model):
    """An entity or a leader asks a pool for support; the coordinator assigns a member or declines."""

    class Kind(models.TextChoices):
        LEADERSHIP_COACHING = "leadership", _("leadership coaching")
        TEAM_COACHING = "team_coaching", _("team coaching")
        PROCESS_SUPPORT = "process", _("process support for innovative work organisation")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ASSIGNED = "assigned", _("assigned")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    POOL_KIND = {
        Kind.LEADERSHIP_COACHING: Pool.Kind.COACHES,
        Kind.TEAM_COACHING: Pool.Kind.COACHES,
        Kind.PROCESS_SUPPORT: Pool.Kind.FACILITATORS,
    }

    pool = models.ForeignKey(Pool, on_delete=models.PROTECT, related_name="requests", verbose_name=_("pool"))
    kind = models.CharField(_("kind of support"), max_length=16, choices=Kind.choices)
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="pool_requests", verbose_name=_("entity"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="pool_requests",
        verbose_name=_("requested by"),
    )
    coachee = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coaching_requests",
        verbose_name=_("coachee"),
        help_text=_("The leader to be coached (leadership coaching only)."),
    )
    description = models.TextField(_("what support is needed"), max_length=TEXT_MAX_LENGTH)
    estimated_hours = models.PositiveSmallIntegerField(_("estimated hours"))
    wanted_from = models.DateField(_("wanted from"), validators=[validate_input_date])
    wanted_until = models.DateField(_("wanted until"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["pool", "status"]), models.Index(fields=["entity", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(estimated_hours__gt=0), name="pool_request_hours_positive"),
            models.CheckConstraint(condition=Q(wanted_until__gte=F("wanted_from")), name="pool_request_period_order"),
            models.CheckConstraint(
                condition=~Q(kind="leadership") | Q(coachee__isnull=False), name="pool_request_leadership_has_coachee"
            ),
        ]
        verbose_name = _("support request")
        verbose_name_plural = _("support requests")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.entity}"


class PoolAssignment(models.Model):
    """A member assigned to a request, with the hours it takes from the member's yearly budget."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")

    request = models.OneToOneField(
        SupportRequest, on_delete=models.PROTECT, related_name="assignment", verbose_name=_("request")
    )
    member = models.ForeignKey(
        PoolMember, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("pool member")
    )
    hours = models.PositiveSmallIntegerField(_("hours"))
    period_start = models.DateField(_("from"), validators=[validate_input_date])
    period_end = models.DateField(_("until"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("assigned by")
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "-id"]
        indexes = [models.Index(fields=["member", "period_start"])]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="pool_assignment_hours_positive"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="pool_assignment_period_order"),
        ]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.member.staff} — {self.request}"
