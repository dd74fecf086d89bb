from .tasks_agreements import *  # noqa: F403
