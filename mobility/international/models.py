from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Entity, Staff

LEVEL_CODES = [code for code, _label in Staff.Level.choices]


class MobilityCall(models.Model):
    """A call for an international mobility pilot, with its application window and stay limits."""

    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("exchange with the Dutch government")
        WORK_VISIT = "work_visit", _("work visit to a foreign office")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    opens_on = models.DateField(_("applications open on"), validators=[validate_input_date])
    closes_on = models.DateField(_("applications close on"), validators=[validate_input_date])
    eligible_levels = models.CharField(
        _("eligible levels"), max_length=4, help_text=_("The levels that may apply, e.g. A or ABCD.")
    )
    min_months = models.PositiveSmallIntegerField(_("minimum stay (months)"))
    max_months = models.PositiveSmallIntegerField(_("maximum stay (months)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="mobility_call_window_order"),
            models.CheckConstraint(
                condition=Q(min_months__gte=1) & Q(max_months__gte=F("min_months")),
                name="mobility_call_months_order",
            ),
            models.CheckConstraint(condition=~Q(eligible_levels=""), name="mobility_call_has_levels"),
        ]
        verbose_name = _("international mobility call")
        verbose_name_plural = _("international mobility calls")

    def __str__(self):
        return self.title

    @property
    def level_list(self) -> list[str]:
        return [code for code in LEVEL_CODES if code in self.eligible_levels]


class HostOrganisation(models.Model):
    call = models.ForeignKey(MobilityCall, on_delete=models.CASCADE, related_name="hosts", verbose_name=_("call"))
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["call", "name"], name="mobility_host_unique_per_call")]
        verbose_name = _("host organisation")
        verbose_name_plural = _("host organisations")

    def __str__(self):
        return self.name


class MobilityApplication(models.Model):
    """A staff member's application: the manager agrees, then the host gives its green light, then the stay."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting the manager's agreement")
        MANAGER_REFUSED = "manager_refused", _("refused by the manager")
        AWAITING_HOST = "awaiting_host", _("awaiting the host's green light")
        COUNTERPART_SOUGHT = "counterpart_sought", _("counterpart sought")
        HOST_APPROVED = "host_approved", _("green light: stay planned")
        HOST_REFUSED = "host_refused", _("refused by the host")
        WITHDRAWN = "withdrawn", _("withdrawn")

    OPEN_STATUSES = [Status.SUBMITTED, Status.AWAITING_HOST, Status.COUNTERPART_SOUGHT, Status.HOST_APPROVED]

    call = models.ForeignKey(
        MobilityCall, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call")
    )
    # A person's records go with the person (staff are normally deactivated, not deleted; the audit stays).
    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="mobility_applications", verbose_name=_("staff member")
    )
    host = models.ForeignKey(
        HostOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("preferred host"),
    )
    start = models.DateField(_("start of the stay"), validators=[validate_input_date])
    end = models.DateField(_("end of the stay"), validators=[validate_input_date])
    motivation = models.TextField(_("motivation"), max_length=TEXT_MAX_LENGTH, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    manager_decided_by = models.ForeignKey(
        Staff, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("manager")
    )
    manager_decided_at = models.DateTimeField(_("manager decided at"), null=True, blank=True)
    manager_reason = models.TextField(_("manager's reason"), max_length=TEXT_MAX_LENGTH, blank=True)
    host_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    host_decided_at = models.DateTimeField(_("host decision recorded at"), null=True, blank=True)
    host_note = models.TextField(_("host's answer"), max_length=TEXT_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["status", "call"]), models.Index(fields=["staff", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="mobility_application_end_after_start"),
            models.UniqueConstraint(
                fields=["call", "staff"],
                condition=~Q(status__in=["withdrawn", "manager_refused", "host_refused"]),
                name="mobility_application_one_open_per_call",
            ),
        ]
        verbose_name = _("international mobility application")
        verbose_name_plural = _("international mobility applications")

    def __str__(self):
        return f"{self.staff} – {self.call}"


class ExpenseClaim(models.Model):
    """Travel or stay costs of a stay; the reimbursed share is fixed with the parameter in force on the claim date."""

    class Kind(models.TextChoices):
        TRAVEL = "travel", _("travel")
        STAY = "stay", _("stay")

    application = models.ForeignKey(
        MobilityApplication, on_delete=models.CASCADE, related_name="claims", verbose_name=_("application")
    )
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    claim_date = models.DateField(_("claim date"), validators=[validate_input_date])
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    reimbursed_percent = models.PositiveSmallIntegerField(_("reimbursed share (%)"))
    reimbursed_amount = models.DecimalField(_("reimbursed centrally (EUR)"), max_digits=10, decimal_places=2)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    filed_at = models.DateTimeField(_("filed at"), auto_now_add=True)

    class Meta:
        ordering = ["claim_date", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="mobility_claim_amount_positive"),
            models.CheckConstraint(
                condition=Q(reimbursed_percent__lte=100)
                & Q(reimbursed_amount__gte=0)
                & Q(reimbursed_amount__lte=F("amount")),
                name="mobility_claim_reimbursed_within_amount",
            ),
        ]
        verbose_name = _("expense claim")
        verbose_name_plural = _("expense claims")

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount} ({self.claim_date})"


class ExternalVacancy(models.Model):
    """A vacancy open to external mobility (local governments, education and its inspection, Parliament)."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    title = models.CharField(_("title"), max_length=200)
    entity = models.ForeignKey(
        Entity, on_delete=models.PROTECT, related_name="external_vacancies", verbose_name=_("entity")
    )
    level = models.CharField(_("level"), max_length=1, choices=Staff.Level.choices)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    closes_on = models.DateField(_("applications close on"), validators=[validate_input_date])
    status = models.CharField(_("status"), max_length=6, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-closes_on", "title"]
        indexes = [models.Index(fields=["entity", "status"])]
        verbose_name = _("vacancy open to external mobility")
        verbose_name_plural = _("vacancies open to external mobility")

    def __str__(self):
        return self.title


class ExternalApplicant(models.Model):
    """Someone from another public body applying to a vacancy; not a member of staff, recorded by HR."""

    class Origin(models.TextChoices):
        LOCAL_GOVERNMENT = "local_government", _("local or provincial government")
        EDUCATION = "education", _("education")
        EDUCATION_INSPECTION = "education_inspection", _("education inspection")
        FLEMISH_PARLIAMENT = "flemish_parliament", _("Flemish Parliament or para-parliamentary institution")

    class Selection(models.TextChoices):
        PENDING = "pending", _("shortened selection pending")
        PASSED = "passed", _("passed the shortened selection")
        FAILED = "failed", _("did not pass the shortened selection")

    vacancy = models.ForeignKey(
        ExternalVacancy, on_delete=models.CASCADE, related_name="applicants", verbose_name=_("vacancy")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    origin = models.CharField(_("origin"), max_length=24, choices=Origin.choices)
    employer = models.CharField(_("current employer"), max_length=200)
    permanently_appointed = models.BooleanField(_("permanently appointed"))
    seniority_years = models.PositiveSmallIntegerField(_("monetary seniority: years"))
    seniority_months = models.PositiveSmallIntegerField(_("monetary seniority: months"))
    selection = models.CharField(_("selection"), max_length=8, choices=Selection.choices, default=Selection.PENDING)
    selection_date = models.DateField(_("selection date"), null=True, blank=True, validators=[validate_input_date])
    selection_note = models.TextField(_("selection note"), max_length=TEXT_MAX_LENGTH, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            # Only permanently appointed staff of those bodies may use external mobility.
            models.CheckConstraint(condition=Q(permanently_appointed=True), name="mobility_external_permanent_only"),
            models.CheckConstraint(
                condition=Q(seniority_months__lte=11) & Q(seniority_years__lte=60),
                name="mobility_external_seniority_range",
            ),
            models.UniqueConstraint(fields=["vacancy", "email"], name="mobility_external_applicant_once"),
            models.CheckConstraint(
                condition=Q(selection="pending") | Q(selection_date__isnull=False),
                name="mobility_external_selection_dated",
            ),
        ]
        verbose_name = _("external applicant")
        verbose_name_plural = _("external applicants")

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class Detachment(models.Model):
    """A member of staff detached to an international institution; the register central HR keeps."""

    staff = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="detachments", verbose_name=_("staff member")
    )
    institution = models.CharField(_("international institution"), max_length=200)
    country = models.CharField(_("country"), max_length=100, blank=True)
    start = models.DateField(_("start"), validators=[validate_input_date])
    end = models.DateField(_("end"), null=True, blank=True, validators=[validate_input_date])
    annual_salary_cost = models.DecimalField(_("annual salary cost (EUR)"), max_digits=12, decimal_places=2)
    institution_pays_salary = models.BooleanField(_("the institution pays the salary"))
    compensated_percent = models.PositiveSmallIntegerField(_("compensated share (%)"))
    compensation_amount = models.DecimalField(_("central compensation per year (EUR)"), max_digits=12, decimal_places=2)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="mobility_detachment_end_after_start"
            ),
            models.CheckConstraint(condition=Q(annual_salary_cost__gte=0), name="mobility_detachment_cost_positive"),
            models.CheckConstraint(
                condition=Q(institution_pays_salary=False) | Q(compensation_amount=0),
                name="mobility_detachment_no_compensation_when_paid",
            ),
        ]
        verbose_name = _("detachment")
        verbose_name_plural = _("detachments")

    def __str__(self):
        return f"{self.staff} → {self.institution}"
