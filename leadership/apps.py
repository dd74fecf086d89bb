from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadershipConfig(AppConfig):
    name = "leadership"
    verbose_name = _("Leadership and gender monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hrportal.home import register_action_provider
        from leadership.development import home as development_home
        from leadership.mentoring import home as mentoring_home
        from leadership.selection import home as selection_home
        from leadership.topmanagement import home as topmanagement_home

        for part in (selection_home, development_home, mentoring_home, topmanagement_home):
            register_action_provider(part.action_items)
