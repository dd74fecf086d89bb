from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilityConfig(AppConfig):
    name = "mobility"
    verbose_name = _("Staff mobility")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hrportal.home import register_action_provider

        from . import home_international
        from .home_marketplace import marketplace_action_items

        register_action_provider(marketplace_action_items)
        register_action_provider(home_international.action_items)
