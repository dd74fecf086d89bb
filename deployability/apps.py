from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeployabilityConfig(AppConfig):
    name = "deployability"
    verbose_name = _("Deployability")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from deployability.evaluations import home as evaluations_home
        from deployability.evaluations.services import evaluation_post_save
        from deployability.leave import home as leave_home
        from deployability.redeployment import home as redeployment_home
        from deployability.reintegration import home as reintegration_home
        from hrportal.home import register_action_provider
        from hrportal.models import Evaluation

        for part in (redeployment_home, evaluations_home, leave_home, reintegration_home):
            register_action_provider(part.action_items)
        # Every road that creates an evaluation (the core's admin, an import, this app) updates the cases.
        post_save.connect(evaluation_post_save, sender=Evaluation, dispatch_uid="deployability.evaluation_cases")
