from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A login. Staff data lives on Staff (linked by Staff.user); roles are derived in hrportal.roles."""

    is_central_hr = models.BooleanField(
        _("central HR"),
        default=False,
        help_text=_("Agentschap Overheidspersoneel: owns the catalogues, parameters and monitoring."),
    )

    # The interface language the person chose; empty: the portal's default (Dutch).
    language = models.CharField(_("language"), max_length=8, blank=True, default="")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
