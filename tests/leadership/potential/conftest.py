from tests.leadership.world import world  # noqa: F401
