import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

# Counting every row of a 100,000-staff list costs PostgreSQL ~13 ms on each page view; a count this
# large is kept for a minute (the exact figure of a list that long changes nothing for the reader).
LARGE_COUNT = 10_000
LARGE_COUNT_SECONDS = 60


class CountCachingPaginator(Paginator):
    """A paginator whose total of a long list is counted once a minute, not on every page.
    Lists shorter than LARGE_COUNT, which is every filtered search in practice, are counted exactly."""

    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return super().count
        try:
            sql = str(query)
        except EmptyResultSet:  # a filter that can match nothing, e.g. `pk__in=[]`
            return 0
        key = "hrportal:count:" + hashlib.sha256(f"{self.object_list.db}:{sql}".encode()).hexdigest()
        count = cache.get(key)
        if count is None:
            count = self.object_list.count()
            if count >= LARGE_COUNT:
                cache.set(key, count, LARGE_COUNT_SECONDS)
        return count


class StandardPagination(PageNumberPagination):
    django_paginator_class = CountCachingPaginator
