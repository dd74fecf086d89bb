from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class HrportalConfig(AppConfig):
    name = "hrportal"
    verbose_name = _("HR portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import home, reports  # noqa: F401
        from .reports import portfolio  # noqa: F401  (registers the portfolio report)
        from .views.home import foundation_action_items

        home.register_action_provider(foundation_action_items)
        autodiscover_modules("reports")
