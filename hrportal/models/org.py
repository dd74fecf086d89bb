from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models.catalogue import Competency, Function


class Entity(models.Model):
    """Departments and agencies in a tree: policy domain -> entity -> division."""

    class Kind(models.TextChoices):
        POLICY_DOMAIN = "policy_domain", _("policy domain")
        ENTITY = "entity", _("entity")
        DIVISION = "division", _("division")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    headcount_target = models.PositiveIntegerField(_("headcount target"), null=True, blank=True)
    telework_max_share_percent = models.PositiveSmallIntegerField(
        _("maximum share of teleworkers per day (%)"),
        null=True,
        blank=True,
        help_text=_("Empty: the organisation-wide policy parameter applies."),
    )
    desks = models.PositiveIntegerField(
        _("desks"), null=True, blank=True, help_text=_("Empty: planned from the office-space norm.")
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(telework_max_share_percent__isnull=True) | Q(telework_max_share_percent__lte=100),
                name="entity_telework_share_at_most_100",
            ),
            models.CheckConstraint(
                condition=Q(kind="policy_domain", parent__isnull=True) | Q(parent__isnull=False),
                name="entity_only_policy_domains_are_roots",
            ),
        ]
        verbose_name = _("entity")
        verbose_name_plural = _("entities")

    def __str__(self):
        return self.name


class Staff(models.Model):
    class Level(models.TextChoices):
        A = "A", _("A (master)")
        B = "B", _("B (bachelor)")
        C = "C", _("C (secondary)")
        D = "D", _("D (none)")

    class Grade(models.TextChoices):
        A3 = "A3", "A3"
        A2L = "A2L", "A2L"
        A2A = "A2A", "A2A"
        A2E = "A2E", "A2E"
        A2M = "A2M", "A2M"
        A2 = "A2", "A2"
        A1 = "A1", "A1"
        B3 = "B3", "B3"
        B2 = "B2", "B2"
        B1 = "B1", "B1"
        C3 = "C3", "C3"
        C2 = "C2", "C2"
        C1 = "C1", "C1"
        D3 = "D3", "D3"
        D2 = "D2", "D2"
        D1 = "D1", "D1"

    class EmploymentType(models.TextChoices):
        STATUTORY = "statutory", _("statutory")
        CONTRACTUAL = "contractual", _("contractual")

    class Tier(models.TextChoices):
        NONE = "none", _("no management function")
        MIDDLE = "N-1", _("middle management (N-1)")
        TOP = "N", _("top management (N)")

    class Gender(models.TextChoices):
        FEMALE = "F", _("female")
        MALE = "M", _("male")
        X = "X", _("other / not stated")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="staff"
    )
    personnel_number = models.CharField(_("personnel number"), max_length=20, unique=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"), unique=True)
    entity = models.ForeignKey(Entity, on_delete=models.PROTECT, related_name="staff", verbose_name=_("entity"))
    line_manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("line manager"),
    )
    level = models.CharField(_("level"), max_length=1, choices=Level.choices)
    grade = models.CharField(_("grade"), max_length=3, choices=Grade.choices)
    salary_scale = models.CharField(_("salary scale"), max_length=10)
    gross_monthly_salary = models.DecimalField(
        _("gross monthly salary"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    employment_type = models.CharField(_("employment type"), max_length=12, choices=EmploymentType.choices)
    objective_recruitment = models.BooleanField(
        _("recruited through an objective recruitment with public announcement"),
        default=False,
        help_text=_("Only meaningful for contractual staff: opens statutory promotion posts to them."),
    )
    management_tier = models.CharField(_("management tier"), max_length=4, choices=Tier.choices, default=Tier.NONE)
    function = models.ForeignKey(
        Function, on_delete=models.PROTECT, null=True, blank=True, related_name="staff", verbose_name=_("function")
    )
    service_start = models.DateField(_("start in public service"), validators=[validate_input_date])
    entity_start = models.DateField(_("start in entity"), validators=[validate_input_date])
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, help_text=_("For monitoring only."))
    working_time_fraction = models.DecimalField(
        _("working-time fraction"), max_digits=3, decimal_places=2, default=Decimal("1.00")
    )
    is_active = models.BooleanField(_("in service"), default=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["entity", "last_name"]),
            models.Index(fields=["last_name", "first_name", "id"], name="staff_directory_order"),
            models.Index(fields=["management_tier", "gender"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(working_time_fraction__gt=0) & Q(working_time_fraction__lte=1),
                name="staff_working_time_fraction_in_0_1",
            ),
            models.CheckConstraint(condition=~Q(line_manager=models.F("id")), name="staff_not_own_line_manager"),
            models.CheckConstraint(
                condition=Q(entity_start__gte=models.F("service_start")), name="staff_entity_start_after_service_start"
            ),
        ]
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @staticmethod
    def full_name_expression(path: str = "") -> Concat:
        """`full_name` as a query expression, for a list that reads the name as a column of another row
        (`path`: the lookup to the staff member, e.g. "offer__staff__")."""
        return Concat(F(f"{path}first_name"), Value(" "), F(f"{path}last_name"), output_field=models.CharField())


class StaffSearchEntry(models.Model):
    """One word a staff member is found by in the directory: each word of the name, and the e-mail address
    whole, with the columns the directory filters and sorts on (PostgreSQL only).

    Database triggers on `hrportal_staff` write these rows in the same transaction as the staff row, on
    every insert, update and delete however it is made (migration 0010); no code writes them and SQLite
    leaves the table empty. `hrportal.filters.staff_search` reads them: a common name is counted and sorted
    on the word index alone, without reading the 2,800 staff rows it matches among 100,000.
    """

    staff = models.ForeignKey(Staff, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    word = models.TextField(max_length=254)
    is_email = models.BooleanField()
    last_key = models.TextField(max_length=100)
    first_key = models.TextField(max_length=100)
    is_active = models.BooleanField()
    entity = models.ForeignKey(
        Entity, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    level = models.CharField(max_length=1)
    management_tier = models.CharField(max_length=4)

    class Meta:
        indexes = [
            # Prefix matches of a word, with every column a search filters, counts and sorts on: the index
            # answers them alone (an index-only scan).
            models.Index(
                fields=["word"],
                opclasses=["text_pattern_ops"],
                include=[
                    *("is_email", "staff", "last_key", "first_key"),
                    *("is_active", "entity", "level", "management_tier"),
                ],
                name="staff_search_word",
            ),
        ]

    def __str__(self):
        return self.word


class StaffLanguage(models.Model):
    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")
        GERMAN = "de", _("German")
        SPANISH = "es", _("Spanish")
        ITALIAN = "it", _("Italian")
        ARABIC = "ar", _("Arabic")
        TURKISH = "tr", _("Turkish")
        POLISH = "pl", _("Polish")

    class Proficiency(models.TextChoices):
        BASIC = "basic", _("basic")
        GOOD = "good", _("good")
        FLUENT = "fluent", _("fluent")
        NATIVE = "native", _("native")

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    proficiency = models.CharField(_("proficiency"), max_length=10, choices=Proficiency.choices)

    class Meta:
        ordering = ["language"]
        constraints = [models.UniqueConstraint(fields=["staff", "language"], name="staff_language_unique")]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return f"{self.get_language_display()} ({self.get_proficiency_display()})"


class StaffCompetency(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="competencies")
    competency = models.ForeignKey(Competency, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), choices=[(i, str(i)) for i in range(1, 5)])

    class Meta:
        ordering = ["competency__name"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "competency"], name="staff_competency_unique"),
            models.CheckConstraint(condition=Q(level__gte=1) & Q(level__lte=4), name="staff_competency_level_1_4"),
        ]
        indexes = [models.Index(fields=["competency", "level"])]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return f"{self.competency} {self.level}"


class Evaluation(models.Model):
    class Rating(models.TextChoices):
        INSUFFICIENT = "insufficient", _("insufficient")
        SUFFICIENT = "sufficient", _("sufficient")
        GOOD = "good", _("good")
        VERY_GOOD = "very_good", _("very good")

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="evaluations")
    evaluated_on = models.DateField(_("date"), validators=[validate_input_date])
    rating = models.CharField(_("rating"), max_length=15, choices=Rating.choices)
    evaluator = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    remarks = models.TextField(_("remarks"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-evaluated_on"]
        constraints = [
            models.UniqueConstraint(fields=["staff", "evaluated_on"], name="evaluation_one_per_day"),
        ]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return f"{self.staff} {self.evaluated_on}: {self.get_rating_display()}"


class HrOfficerScope(models.Model):
    """An HR officer (personeelsdienst) works the cases of an entity and everything below it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hr_scopes")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="hr_officers")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "entity"], name="hr_scope_unique")]
        verbose_name = _("HR officer scope")
        verbose_name_plural = _("HR officer scopes")

    def __str__(self):
        return f"{self.user} → {self.entity}"
