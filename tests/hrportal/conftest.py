from tests.mobility.marketplace.conftest import requester, skills  # noqa: F401 - fixtures of the outage scenario
from tests.workers import own_redis  # noqa: F401 - a Redis server of the test's own
