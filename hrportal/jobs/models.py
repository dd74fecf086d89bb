import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One background job, written in the transaction of the change that implies it (transactional outbox).

    Its id is the Celery task id, so a message sent twice (relay after a lost acknowledgement, Redis
    redelivery) is recognised by the consumer and runs once (hrportal.jobs.services.OutboxTask).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent to the broker at"), null=True, blank=True)
    send_attempts = models.PositiveIntegerField(_("send attempts"), default=0)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    run_attempts = models.PositiveIntegerField(_("runs started"), default=0)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The relay's question: what is not finished yet? Finished rows are the large majority.
            models.Index(
                fields=["created_at"],
                name="outbox_open_idx",
                condition=Q(done_at__isnull=True, failed_at__isnull=True),
            ),
        ]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return f"{self.task_name}{tuple(self.args)!r}"

    @property
    def state(self) -> str:
        if self.done_at:
            return "done"
        if self.failed_at:
            return "failed"
        if self.started_at:
            return "running"
        return "sent" if self.sent_at else "waiting"
