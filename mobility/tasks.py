from .tasks_international import notify_application_decided, notify_application_submitted  # noqa: F401
