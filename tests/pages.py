"""What a page costs in queries, for the tests that pin list pages at two data sizes."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_per_page(user, urls) -> dict[str, int]:
    """The queries of each of `urls` for `user`, warm (session, content types) but with nothing cached: the worst
    case, as bench/list_pages.py counts them."""
    client = Client()
    client.force_login(user)
    counts = {}
    for url in urls:
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts
