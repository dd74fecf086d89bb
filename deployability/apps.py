from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeployabilityConfig(AppConfig):
    name = "deployability"
    verbose_name = _("Deployability")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from deployability.leave import home as leave_home
        from deployability.reintegration import home as reintegration_home
        from hrportal.home import register_action_provider

        for part in (leave_home, reintegration_home):
            register_action_provider(part.action_items)
