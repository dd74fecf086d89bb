"""Redeployment (herplaatsing, the Werkwijzer trajectory): guidance, registration, admissibility, the
multidisciplinary team, vacancies with a priority period, and offers with the refusal counter."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Competency, Entity, Function, Staff

# The order of grades and ranks, highest first: A3 (top management) down to D1. It is the order in which the
# core's reference data declares `Staff.Grade` (SPEC, "Levels and ranks"), read here once so that every rule
# about "an equal or lower grade" asks the same place. Rank 0 is the highest grade.
GRADE_ORDER: tuple[str, ...] = tuple(Staff.Grade.values)
GRADE_RANK: dict[str, int] = {grade: rank for rank, grade in enumerate(GRADE_ORDER)}


def grade_is_equal_or_lower(grade: str, than: str) -> bool:
    """Is `grade` equal to or lower than `than` in GRADE_ORDER (A3 > A2L > … > D2 > D1)?"""
    return GRADE_RANK[grade] >= GRADE_RANK[than]


class GuidanceTrajectory(models.Model):
    """A guidance and support trajectory (begeleidings- en ondersteuningstraject) the line manager runs with
    a staff member; a completed one is required before registration for redeployment."""

    class Kind(models.TextChoices):
        TRAINING = "training", _("training")
        DEVELOPMENT = "development", _("development")
        COACHING = "coaching", _("coaching")

    class Reason(models.TextChoices):
        REDEPLOYMENT = "redeployment", _("before redeployment")
        EVALUATION = "evaluation", _("after an insufficient evaluation")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        COMPLETED = "completed", _("completed")

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="guidance_trajectories")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, default=Reason.REDEPLOYMENT)
    goal = models.TextField(_("goal"), max_length=TEXT_MAX_LENGTH)
    started_on = models.DateField(_("start"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(_("completed on"), null=True, blank=True, validators=[validate_input_date])
    outcome = models.TextField(_("outcome"), max_length=TEXT_MAX_LENGTH, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [
            models.Index(fields=["staff", "status"]),
            # the trajectory list's order (open first, newest first): a page without sorting every row
            models.Index(fields=["status", "-started_on", "-id"], name="trajectory_list_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", completed_on__isnull=True)
                | Q(status="completed", completed_on__isnull=False),
                name="guidance_completed_has_date",
            ),
        ]
        verbose_name = _("guidance trajectory")
        verbose_name_plural = _("guidance trajectories")

    def __str__(self):
        return f"{self.staff} – {self.get_kind_display()} ({self.started_on})"


class TrajectoryStep(models.Model):
    trajectory = models.ForeignKey(GuidanceTrajectory, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("step"), max_length=200)
    planned_on = models.DateField(_("planned on"), validators=[validate_input_date])
    done_on = models.DateField(_("done on"), null=True, blank=True, validators=[validate_input_date])

    class Meta:
        ordering = ["planned_on", "id"]
        verbose_name = _("trajectory step")
        verbose_name_plural = _("trajectory steps")

    def __str__(self):
        return self.title


class RedeploymentCandidate(models.Model):
    """A registration for redeployment, its admissibility test and its outcome."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("registered, admissibility test pending")
        REDEPLOYABLE = "redeployable", _("redeployable: looking for a post")
        NOT_REDEPLOYABLE = "not_redeployable", _("not redeployable: trajectory inside the entity")
        PLACED = "placed", _("placed")
        WITHDRAWN = "withdrawn", _("withdrawn")

    ACTIVE = (Status.REGISTERED, Status.REDEPLOYABLE, Status.NOT_REDEPLOYABLE)

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="redeployment_registrations")
    trajectory = models.ForeignKey(
        GuidanceTrajectory, on_delete=models.PROTECT, related_name="+", verbose_name=_("completed trajectory")
    )
    registered_on = models.DateField(_("registered on"), validators=[validate_input_date])
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    place = models.CharField(_("place of work"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    admissibility_reasons = models.TextField(_("reasons"), max_length=TEXT_MAX_LENGTH, blank=True)
    admissibility_decided_on = models.DateField(_("admissibility decided on"), null=True, blank=True)
    admissibility_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    refusals = models.PositiveSmallIntegerField(_("refusals"), default=0)
    placed_on = models.DateField(_("placed on"), null=True, blank=True)
    placed_ex_officio = models.BooleanField(_("placed ex officio"), default=False)

    class Meta:
        ordering = ["-registered_on", "-id"]
        indexes = [models.Index(fields=["status", "staff"])]
        constraints = [
            models.UniqueConstraint(
                fields=["staff"],
                condition=Q(status__in=["registered", "redeployable", "not_redeployable"]),
                name="redeployment_one_active_registration",
            ),
        ]
        verbose_name = _("redeployment candidate")
        verbose_name_plural = _("redeployment candidates")

    def __str__(self):
        return f"{self.staff} ({self.get_status_display()})"


class InternalTrajectory(models.Model):
    """Not redeployable: a trajectory inside the entity, guided by a multidisciplinary team."""

    candidate = models.OneToOneField(RedeploymentCandidate, on_delete=models.CASCADE, related_name="internal")
    started_on = models.DateField(_("start"), validators=[validate_input_date])
    outcome = models.TextField(_("outcome"), max_length=TEXT_MAX_LENGTH, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, validators=[validate_input_date])

    class Meta:
        verbose_name = _("trajectory inside the entity")
        verbose_name_plural = _("trajectories inside the entity")

    def __str__(self):
        return f"{self.candidate.staff} ({self.started_on})"


class TeamMember(models.Model):
    trajectory = models.ForeignKey(InternalTrajectory, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role in the team"), max_length=150)

    class Meta:
        ordering = ["id"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return f"{self.name} ({self.role})"


class TeamMeeting(models.Model):
    trajectory = models.ForeignKey(InternalTrajectory, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"), validators=[validate_input_date])
    notes = models.TextField(_("notes"), max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("team meeting")
        verbose_name_plural = _("team meetings")

    def __str__(self):
        return str(self.held_on)


class Vacancy(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FILLED = "filled", _("filled")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class MarketplaceNote(models.TextChoices):
        NO_COMPETENCIES = "no_competencies", _("not on the mobility marketplace: the vacancy lists no competencies")
        NO_OWNER = "no_owner", _("not on the mobility marketplace: no HR officer of the entity has a staff record")
        REFUSED = "refused", _("not on the mobility marketplace: the marketplace refused the request (see the audit)")

    title = models.CharField(_("title"), max_length=200)
    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="+", verbose_name=_("function"))
    grade = models.CharField(_("grade"), max_length=3, choices=Staff.Grade.choices)
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+", verbose_name=_("entity"))
    place = models.CharField(_("place of work"), max_length=100)
    published_on = models.DateField(_("published on"), validators=[validate_input_date])
    priority_until = models.DateField(_("reserved for redeployment candidates until"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    filled_by_other = models.BooleanField(_("filled outside redeployment"), default=False)
    # After the priority period without a placement the vacancy opens to others and to external mobility:
    # it is published once as a talent request on the mobility marketplace (services.vacancy_open_to_others).
    opened_to_others_on = models.DateField(_("open to others since"), null=True, blank=True)
    marketplace_request = models.OneToOneField(
        "mobility.TalentRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("talent request on the mobility marketplace"),
    )
    marketplace_note = models.CharField(
        _("why not on the marketplace"), max_length=20, choices=MarketplaceNote.choices, blank=True
    )
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [models.Index(fields=["status", "entity"])]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def __str__(self):
        return f"{self.title} ({self.grade}, {self.place})"

    def reserved_on(self, day) -> bool:
        """Reserved for redeployment candidates on `day` (the priority period)?"""
        return day <= self.priority_until


class VacancyCompetency(models.Model):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), choices=[(i, str(i)) for i in range(1, 5)])

    class Meta:
        ordering = ["competency__name"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "competency"], name="vacancy_competency_unique"),
            models.CheckConstraint(condition=Q(level__gte=1) & Q(level__lte=4), name="vacancy_competency_level_1_4"),
        ]
        verbose_name = _("required competency")
        verbose_name_plural = _("required competencies")

    def __str__(self):
        return f"{self.competency} {self.level}"


class Offer(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")
        EX_OFFICIO = "ex_officio", _("placed ex officio")
        WITHDRAWN = "withdrawn", _("withdrawn: the candidate left service")

    candidate = models.ForeignKey(RedeploymentCandidate, on_delete=models.PROTECT, related_name="offers")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="offers")
    number = models.PositiveSmallIntegerField(_("offer number"))
    offered_on = models.DateField(_("offered on"), validators=[validate_input_date])
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason for refusing"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-offered_on", "-id"]
        constraints = [
            # A vacancy is offered to one candidate at a time, and filled once.
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=Q(status__in=["pending", "accepted", "ex_officio"]),
                name="offer_one_live_per_vacancy",
            ),
            models.UniqueConstraint(
                fields=["candidate"], condition=Q(status="pending"), name="offer_one_pending_per_candidate"
            ),
            models.UniqueConstraint(fields=["candidate", "number"], name="offer_number_unique"),
        ]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self):
        return f"{self.candidate.staff} → {self.vacancy} (#{self.number})"
