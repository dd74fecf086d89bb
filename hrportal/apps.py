from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class HrportalConfig(AppConfig):
    name = "hrportal"
    verbose_name = _("HR portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from hrportal import home
        from hrportal.middleware import session_mark_seen
        from hrportal.models import Competency, Entity, Function
        from hrportal.widgets import choices_changed

        user_logged_in.connect(session_mark_seen, dispatch_uid="session-mark-seen")

        for model in (Entity, Competency, Function):
            post_save.connect(choices_changed, sender=model, dispatch_uid=f"choices-{model.__name__}-save")
            post_delete.connect(choices_changed, sender=model, dispatch_uid=f"choices-{model.__name__}-delete")
        from hrportal.reports import portfolio  # noqa: F401  (registers the portfolio report)
        from hrportal.views.home import foundation_action_items

        home.register_action_provider(foundation_action_items)
        autodiscover_modules("reports")
        from hrportal.audit import events as core_events  # noqa: F401  (the core's audit event types)

        autodiscover_modules("events")  # each app's events.py gathers its parts' audit event types
