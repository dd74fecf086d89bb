import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import validate_input_date
from hrportal.models import Entity, Staff


class ClimateRound(models.Model):
    """One innovation-climate survey per year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    opens_on = models.DateField(_("opens on"), validators=[validate_input_date])
    closes_on = models.DateField(_("closes on"), validators=[validate_input_date])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="climate_round_period_order"),
        ]
        verbose_name = _("innovation-climate round")
        verbose_name_plural = _("innovation-climate rounds")

    def __str__(self):
        return str(_("Innovation climate {year}")).format(year=self.year)


class Dimension(models.TextChoices):
    """The survey's dimensions; each is one score column on ClimateResponse."""

    AUTONOMY = "autonomy", _("Autonomy and self-steering")
    TRUST = "trust", _("Trust-based leadership")
    COLLABORATION = "collaboration", _("Collaboration and networks")
    DIGITAL = "digital", _("Digital tools and time- and place-independent work")
    LEARNING = "learning", _("Learning and experimenting")


SCORE_FIELDS = {dimension: f"score_{dimension.value}" for dimension in Dimension}


def _score_field(label):
    return models.PositiveSmallIntegerField(label)


def _score_checks():
    return [
        models.CheckConstraint(condition=Q(**{f"{field}__gte": 1, f"{field}__lte": 5}), name=f"climate_{field}_1_to_5")
        for field in SCORE_FIELDS.values()
    ]


class ClimateResponse(models.Model):
    """One anonymous answer: the entity and the scores, never the respondent.
    A random key (no sequence, no timestamp) keeps it from being matched to its ClimateParticipation row."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(ClimateRound, on_delete=models.PROTECT, related_name="responses")
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="climate_responses")
    score_autonomy = _score_field(Dimension.AUTONOMY.label)
    score_trust = _score_field(Dimension.TRUST.label)
    score_collaboration = _score_field(Dimension.COLLABORATION.label)
    score_digital = _score_field(Dimension.DIGITAL.label)
    score_learning = _score_field(Dimension.LEARNING.label)

    class Meta:
        indexes = [models.Index(fields=["round", "entity"])]
        constraints = _score_checks()
        verbose_name = _("innovation-climate response")
        verbose_name_plural = _("innovation-climate responses")

    def __str__(self):
        return f"{self.round} — {self.entity}"


class ClimateParticipation(models.Model):
    """That someone answered a round (once), without what they answered."""

    round = models.ForeignKey(ClimateRound, on_delete=models.PROTECT, related_name="participations")
    staff = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="climate_participations")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "staff"], name="climate_answer_once_per_round")]
        verbose_name = _("innovation-climate participation")
        verbose_name_plural = _("innovation-climate participations")

    def __str__(self):
        return f"{self.staff} — {self.round}"
