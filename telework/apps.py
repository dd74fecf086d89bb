from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeleworkConfig(AppConfig):
    name = "telework"
    verbose_name = _("Innovative work organisation and telework")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hrportal.home import register_action_provider

        from .home_pools import pool_action_items
        from .views.agreements import telework_action_items

        register_action_provider(telework_action_items)
        register_action_provider(pool_action_items)
