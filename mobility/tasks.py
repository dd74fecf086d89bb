from .tasks_international import (  # noqa: F401
    notify_application_decided,
    notify_application_submitted,
    notify_host_answer_needed,
)
from .tasks_marketplace import *  # noqa: F403
