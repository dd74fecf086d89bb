from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeployabilityConfig(AppConfig):
    name = "deployability"
    verbose_name = _("Deployability")
    default_auto_field = "django.db.models.BigAutoField"
