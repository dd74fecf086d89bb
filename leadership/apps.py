from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadershipConfig(AppConfig):
    name = "leadership"
    verbose_name = _("Leadership and gender monitoring")
    default_auto_field = "django.db.models.BigAutoField"
