from .tasks_marketplace import *  # noqa: F403
