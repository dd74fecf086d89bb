from django.db import models
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH


class CompetencyCluster(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("competency cluster")
        verbose_name_plural = _("competency clusters")

    def __str__(self):
        return self.name


class Competency(models.Model):
    """An entry of the organisation-wide competency dictionary (competentiewoordenboek)."""

    cluster = models.ForeignKey(CompetencyCluster, on_delete=models.PROTECT, related_name="competencies")
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    definition = models.TextField(_("definition"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["cluster__position", "name"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.name


class CompetencyBehaviourLevel(models.Model):
    LEVELS = [(1, "1"), (2, "2"), (3, "3"), (4, "4")]

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="behaviour_levels")
    level = models.PositiveSmallIntegerField(_("level"), choices=LEVELS)
    description = models.TextField(_("behaviour"), max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["competency", "level"]
        constraints = [
            models.UniqueConstraint(fields=["competency", "level"], name="behaviour_level_unique"),
        ]
        verbose_name = _("behaviour level")
        verbose_name_plural = _("behaviour levels")

    def __str__(self):
        return f"{self.competency} {self.level}"


class FunctionFamily(models.Model):
    """A column of the function-level matrix (functieniveaumatrix)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    is_management = models.BooleanField(_("management family"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("function family")
        verbose_name_plural = _("function families")

    def __str__(self):
        return self.name


class Function(models.Model):
    """A function, classified in one cell (family x class) of the function-level matrix."""

    MIN_CLASS, MAX_CLASS = 7, 20

    name = models.CharField(_("name"), max_length=150)
    family = models.ForeignKey(
        FunctionFamily,
        on_delete=models.PROTECT,
        related_name="functions",
        null=True,
        blank=True,
        help_text=_("Empty for top management, which sits outside the families."),
    )
    function_class = models.PositiveSmallIntegerField(_("function class"))
    weight = models.PositiveIntegerField(_("weight"), default=0)
    teleworkable = models.BooleanField(
        _("teleworkable"),
        default=True,
        help_text=_("False for jobs that cannot be done elsewhere: pilots, cleaning, catering, reception."),
    )

    class Meta:
        ordering = ["family__position", "function_class", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(function_class__gte=7) & models.Q(function_class__lte=20),
                name="function_class_between_7_and_20",
            ),
            models.UniqueConstraint(fields=["name", "family", "function_class"], name="function_unique_cell"),
        ]
        verbose_name = _("function")
        verbose_name_plural = _("functions")

    def __str__(self):
        return f"{self.name} ({self.function_class})"
