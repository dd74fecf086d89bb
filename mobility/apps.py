from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilityConfig(AppConfig):
    name = "mobility"
    verbose_name = _("Staff mobility")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hrportal.home import register_action_provider
        from mobility.international import home as international_home
        from mobility.marketplace import home as marketplace_home

        for part in (marketplace_home, international_home):
            register_action_provider(part.action_items)
