from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeleworkConfig(AppConfig):
    name = "telework"
    verbose_name = _("Innovative work organisation and telework")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hrportal.home import register_action_provider
        from telework.agreements import home as agreements_home
        from telework.climate import home as climate_home
        from telework.pools import home as pools_home

        for part in (agreements_home, pools_home, climate_home):
            register_action_provider(part.action_items)
