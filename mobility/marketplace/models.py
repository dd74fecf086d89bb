"""Temporary-mobility marketplace: talent offers, talent requests, their matches, applications, assignments."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Competency, Entity, Staff, StaffLanguage

LEVELS = [(i, str(i)) for i in range(1, 5)]


class TalentOffer(models.Model):
    """A staff member makes talents available for temporary assignments (a share of their working time)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        PAUSED = "paused", _("paused")
        CLOSED = "closed", _("closed")
        EXPIRED = "expired", _("expired")

    class Where(models.TextChoices):
        OWN_ENTITY = "own_entity", _("own entity only")
        ANY_ENTITY = "any_entity", _("any entity")

    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="talent_offers", verbose_name=_("staff"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    time_share_percent = models.PositiveSmallIntegerField(_("share of working time (%)"))
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), validators=[validate_input_date])
    where = models.CharField(_("where"), max_length=12, choices=Where.choices, default=Where.ANY_ENTITY)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-changed_at"]
        indexes = [models.Index(fields=["status", "start", "end"]), models.Index(fields=["staff", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="talent_offer_end_after_start"),
            models.CheckConstraint(
                condition=Q(time_share_percent__gte=1) & Q(time_share_percent__lte=100),
                name="talent_offer_share_1_100",
            ),
        ]
        verbose_name = _("talent offer")
        verbose_name_plural = _("talent offers")

    def __str__(self):
        return f"{self.title} ({self.time_share_percent}%)"

    def language_labels(self) -> list[str]:
        names = dict(StaffLanguage.Language.choices)
        return [str(names.get(code, code)) for code in self.languages]


class TalentOfferCompetency(models.Model):
    offer = models.ForeignKey(TalentOffer, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    level = models.PositiveSmallIntegerField(_("level"), choices=LEVELS)

    class Meta:
        ordering = ["competency__name"]
        indexes = [models.Index(fields=["competency", "level"])]
        constraints = [
            models.UniqueConstraint(fields=["offer", "competency"], name="talent_offer_competency_unique"),
            models.CheckConstraint(condition=Q(level__gte=1) & Q(level__lte=4), name="talent_offer_level_1_4"),
        ]
        verbose_name = _("offered competency")
        verbose_name_plural = _("offered competencies")

    def __str__(self):
        return f"{self.competency_id}:{self.level}"


class TalentRequest(models.Model):
    """A project owner looks for talents for a temporary assignment."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        PAUSED = "paused", _("paused")
        CLOSED = "closed", _("closed")
        EXPIRED = "expired", _("expired")

    owner = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="talent_requests", verbose_name=_("requester")
    )
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="+", verbose_name=_("entity"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH)
    time_share_percent = models.PositiveSmallIntegerField(_("share of working time (%)"))
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), validators=[validate_input_date])
    closing_date = models.DateField(_("closing date"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("published"), auto_now_add=True)
    changed_at = models.DateTimeField(_("last changed"), auto_now=True)
    first_matched_at = models.DateTimeField(_("first candidate found"), null=True, blank=True)

    class Meta:
        ordering = ["-changed_at"]
        indexes = [models.Index(fields=["status", "start", "end"]), models.Index(fields=["owner", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="talent_request_end_after_start"),
            models.CheckConstraint(
                condition=Q(time_share_percent__gte=1) & Q(time_share_percent__lte=100),
                name="talent_request_share_1_100",
            ),
        ]
        verbose_name = _("talent request")
        verbose_name_plural = _("talent requests")

    def __str__(self):
        return self.title


class TalentRequestCompetency(models.Model):
    request = models.ForeignKey(TalentRequest, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+", verbose_name=_("competency"))
    level = models.PositiveSmallIntegerField(_("level"), choices=LEVELS)
    required = models.BooleanField(_("required"), default=True)

    class Meta:
        ordering = ["-required", "competency__name"]
        indexes = [models.Index(fields=["competency", "required"])]
        constraints = [
            models.UniqueConstraint(fields=["request", "competency"], name="talent_request_competency_unique"),
            models.CheckConstraint(condition=Q(level__gte=1) & Q(level__lte=4), name="talent_request_level_1_4"),
        ]
        verbose_name = _("requested competency")
        verbose_name_plural = _("requested competencies")

    def __str__(self):
        return f"{self.competency_id}:{self.level}{'' if self.required else '?'}"


class Match(models.Model):
    """A scored pairing of an offer and a request, written by the matching job (only the rows that change).

    The rank is the order (score, older offer first) that the default ordering and every list use."""

    # No index of their own: `match_request_rank`/the unique pair and `match_offer_rank` start with these
    # columns and serve every lookup and cascade; two more indexes only slowed every write of a rematch.
    # No foreign-key constraint in the database either: the rows are derived and rewritten by the matching
    # jobs, whose first run writes 500,000 of them at 100,000 offers, and the constraints' checks at commit
    # (a locked lookup of the offer and of the request per row) took 9 of its 31 s. A job would also fail
    # at commit, and lose its work, when an offer it read was deleted meanwhile. Django still cascades the
    # deletion of an offer or a request to its rows; a row left by such a race is invisible to every list
    # (they join the request and the offer) and the next full rematch deletes it (`store.replace`).
    request = models.ForeignKey(
        TalentRequest, on_delete=models.CASCADE, related_name="matches", db_index=False, db_constraint=False
    )
    offer = models.ForeignKey(
        TalentOffer, on_delete=models.CASCADE, related_name="matches", db_index=False, db_constraint=False
    )
    score = models.PositiveSmallIntegerField(_("score"))
    explanation = models.JSONField(_("explanation"))
    # A 64-bit fingerprint of the explanation's content: a rematch compares it with the one it computes
    # and rewrites the explanation only when it differs (0: never computed, rewritten at the next run).
    explanation_digest = models.BigIntegerField(_("explanation digest"), default=0, editable=False)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["-score", "offer_id"]
        indexes = [
            models.Index(fields=["request", "-score"], name="match_request_rank"),
            models.Index(fields=["offer", "-score"], name="match_offer_rank"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["request", "offer"], name="match_request_offer_unique"),
            models.CheckConstraint(condition=Q(score__lte=100), name="match_score_at_most_100"),
        ]
        verbose_name = _("match")
        verbose_name_plural = _("matches")

    def __str__(self):
        return f"{self.request_id} ↔ {self.offer_id}: {self.score}"

    @property
    def pair_key(self) -> str:
        return f"{self.request_id}-{self.offer_id}"


class TalentApplication(models.Model):
    """A provider applies to a request, or a requester invites an offer; then consent, then acceptance."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("application")
        INVITATION = "invitation", _("invitation")

    class Status(models.TextChoices):
        INVITED = "invited", _("invited, waiting for the provider")
        AWAITING_CONSENT = "awaiting_consent", _("waiting for the line manager's consent")
        CONSENTED = "consented", _("consent given, waiting for the requester")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused by the line manager")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    LIVE = [Status.INVITED, Status.AWAITING_CONSENT, Status.CONSENTED]

    request = models.ForeignKey(TalentRequest, on_delete=models.PROTECT, related_name="applications")
    offer = models.ForeignKey(TalentOffer, on_delete=models.PROTECT, related_name="applications")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    message = models.TextField(_("message"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_at = models.DateTimeField(_("consent decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "offer"],
                condition=Q(status__in=["invited", "awaiting_consent", "consented"]),
                name="talent_application_one_live_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["refused", "declined"]) | ~Q(reason=""),
                name="talent_application_refusal_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self):
        return f"{self.get_kind_display()} {self.offer_id} → {self.request_id}"


class Assignment(models.Model):
    """An accepted application: the provider works for the request for its period and time share."""

    application = models.OneToOneField(TalentApplication, on_delete=models.PROTECT, related_name="assignment")
    offer = models.ForeignKey(TalentOffer, on_delete=models.PROTECT, related_name="assignments")
    request = models.ForeignKey(TalentRequest, on_delete=models.PROTECT, related_name="assignments")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="mobility_assignments")
    start = models.DateField(_("from"), validators=[validate_input_date])
    end = models.DateField(_("until"), validators=[validate_input_date])
    time_share_percent = models.PositiveSmallIntegerField(_("share of working time (%)"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-start"]
        indexes = [models.Index(fields=["offer", "start", "end"]), models.Index(fields=["staff", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="assignment_end_after_start"),
            models.CheckConstraint(
                condition=Q(time_share_percent__gte=1) & Q(time_share_percent__lte=100),
                name="assignment_share_1_100",
            ),
        ]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.staff_id} @ {self.request_id} {self.start}–{self.end} ({self.time_share_percent}%)"
