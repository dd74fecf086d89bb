from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RewardConfig(AppConfig):
    name = "reward"
    verbose_name = _("Reward")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hrportal.home import register_action_provider
        from hrportal.profile import register_profile_section
        from reward.experience import home as experience_home
        from reward.experience.views import staff_profile_section
        from reward.labourmarket import home as labourmarket_home
        from reward.paygap import home as paygap_home
        from reward.upgrade import home as upgrade_home

        for part in (upgrade_home, experience_home, labourmarket_home, paygap_home):
            register_action_provider(part.action_items)
        register_profile_section(staff_profile_section)
