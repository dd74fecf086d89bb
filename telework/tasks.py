from .tasks_agreements import *  # noqa: F403
from .tasks_pools import notify_assignment_created, notify_request_declined, notify_support_requested  # noqa: F401
