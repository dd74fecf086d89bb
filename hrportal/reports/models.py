from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReportRun(models.Model):
    """One run of a status report: queued, followed while it runs, and its files kept when done.

    Files are kept in the database so that web and worker processes need no shared disk.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("report"), max_length=50, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    csv_file = models.BinaryField(_("CSV file"), null=True, blank=True, editable=False)
    xlsx_file = models.BinaryField(_("XLSX file"), null=True, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    # Lifecycle (hrportal.reports.services): identical requests share a key while one is pending; the
    # worker holding the run has its claim token and shows it is alive through the heartbeat.
    request_key = models.CharField(_("request key"), max_length=64, blank=True, editable=False)
    claim = models.UUIDField(null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0, editable=False)

    PENDING = (Status.QUEUED, Status.RUNNING)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_at_most_100"),
            models.UniqueConstraint(
                fields=["request_key"],
                condition=Q(status__in=["queued", "running"]) & ~Q(request_key=""),
                name="report_one_pending_run_per_request",
            ),
        ]
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"
