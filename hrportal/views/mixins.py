from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404


class ScopedMixin(LoginRequiredMixin):
    """Login required; subclasses fetch through hrportal.scoping so out-of-scope ids answer 404."""


class RoleRequiredMixin(LoginRequiredMixin):
    """Pages for a role answer 404 to others: they should not learn the page exists for someone."""

    def allowed(self, user) -> bool:  # pragma: no cover - overridden
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's validation error on the form: on its field when the form has it, else at the top."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
