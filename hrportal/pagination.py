import hashlib
from functools import partial

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

# Counting every row of a 100,000-staff list costs PostgreSQL ~13 ms on each page view; a count this
# large is kept for a minute (the exact figure of a list that long changes nothing for the reader).
LARGE_COUNT = 10_000
LARGE_COUNT_SECONDS = 60
# Parameters that page through or reformat a list without changing which rows it holds.
_NOT_FILTERS = {"page", "format", "page_size"}


def request_count_key(request) -> str:
    """The cache key of a list's total: who asks (their scope) and which filters, without compiling SQL."""
    params = sorted((k, v) for k, values in request.GET.lists() if k not in _NOT_FILTERS for v in values)
    raw = f"{request.path}|{getattr(request.user, 'pk', None)}|{params}"
    return "hrportal:count:" + hashlib.sha256(raw.encode()).hexdigest()


class CountCachingPaginator(Paginator):
    """A paginator whose total of a long list is counted once a minute, not on every page.
    Lists shorter than LARGE_COUNT, which is every filtered search in practice, are counted exactly.

    Pages and the API pass `count_key` (request_count_key); without it the key is the list's SQL, which
    costs a compilation of the query."""

    def __init__(self, *args, count_key: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self) -> int:
        key = self.count_key or self._sql_key()
        if key is None:
            return super().count
        if key == "":  # a filter that can match nothing, e.g. `pk__in=[]`
            return 0
        count = cache.get(key)
        if count is None:
            count = self.object_list.count()
            if count >= LARGE_COUNT:
                cache.set(key, count, LARGE_COUNT_SECONDS)
        return count

    def _sql_key(self) -> str | None:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return None
        try:
            sql = str(query)
        except EmptyResultSet:
            return ""
        return "hrportal:count:" + hashlib.sha256(f"{self.object_list.db}:{sql}".encode()).hexdigest()


class CountKeyMixin:
    """For a ListView of a long list: its paginator keys the cached total by request, not by SQL."""

    paginator_class = CountCachingPaginator

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, count_key=request_count_key(self.request), **kwargs)


class StandardPagination(PageNumberPagination):
    django_paginator_class = CountCachingPaginator

    def paginate_queryset(self, queryset, request, view=None):
        self.django_paginator_class = partial(CountCachingPaginator, count_key=request_count_key(request))
        return super().paginate_queryset(queryset, request, view)
