from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Staff

PRACTICE_TEXT_MAX_LENGTH = 2000


class LearningNetwork(models.Model):
    """A learning network: "Zin? Ja!" (staying at work longer, meaningfully) or talent policy."""

    class Theme(models.TextChoices):
        ZIN_JA = "zin_ja", _("Zin? Ja! — staying at work longer, meaningfully")
        TALENT = "talent", _("talent policy")

    name = models.CharField(_("name"), max_length=150, unique=True)
    theme = models.CharField(_("theme"), max_length=10, choices=Theme.choices)
    description = models.TextField(_("description"), max_length=TEXT_MAX_LENGTH, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["theme", "name"]
        verbose_name = _("learning network")
        verbose_name_plural = _("learning networks")

    def __str__(self):
        return self.name


class NetworkMembership(models.Model):
    network = models.ForeignKey(
        LearningNetwork, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    staff = models.ForeignKey(
        Staff, on_delete=models.CASCADE, related_name="network_memberships", verbose_name=_("member")
    )
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        ordering = ["network", "joined_at"]
        constraints = [models.UniqueConstraint(fields=["network", "staff"], name="networks_member_once")]
        verbose_name = _("network member")
        verbose_name_plural = _("network members")

    def __str__(self):
        return f"{self.staff} — {self.network}"


class NetworkSession(models.Model):
    network = models.ForeignKey(
        LearningNetwork, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    on = models.DateField(_("date"), validators=[validate_input_date])
    place = models.CharField(_("place"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        ordering = ["on", "id"]
        constraints = [models.CheckConstraint(condition=Q(capacity__gte=1), name="networks_session_capacity_positive")]
        verbose_name = _("network session")
        verbose_name_plural = _("network sessions")

    def __str__(self):
        return f"{self.title} ({self.on:%d/%m/%Y})"


class SessionRegistration(models.Model):
    session = models.ForeignKey(
        NetworkSession, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    staff = models.ForeignKey(
        Staff, on_delete=models.CASCADE, related_name="network_registrations", verbose_name=_("participant")
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["session", "created_at"]
        constraints = [models.UniqueConstraint(fields=["session", "staff"], name="networks_register_once")]
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")

    def __str__(self):
        return f"{self.staff} — {self.session}"


class SharedPractice(models.Model):
    """A practice a member shares with the network: a short text and optionally one small file, kept in
    the database and served to members only."""

    network = models.ForeignKey(
        LearningNetwork, on_delete=models.CASCADE, related_name="practices", verbose_name=_("network")
    )
    author = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="+", verbose_name=_("shared by"))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("practice"), max_length=PRACTICE_TEXT_MAX_LENGTH)
    file_name = models.CharField(_("file name"), max_length=150, blank=True)
    file_type = models.CharField(_("file type"), max_length=100, blank=True)
    file_size = models.PositiveIntegerField(_("file size (bytes)"), default=0)
    file_data = models.BinaryField(_("file"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("shared at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["network", "created_at"])]
        verbose_name = _("shared practice")
        verbose_name_plural = _("shared practices")

    def __str__(self):
        return self.title
