from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class StaffAwareBackend(ModelBackend):
    """Loads the signed-in user together with their staff record: every page asks for both."""

    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("staff").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
