import hashlib
from functools import partial

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import (
    AutoField,
    BigAutoField,
    CharField,
    ExpressionWrapper,
    F,
    ForeignKey,
    Func,
    IntegerField,
    QuerySet,
    TextField,
)
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


class PageColumnsPaginator(CountCachingPaginator):
    """Counts the list as it is, then reads the page's rows with `columns`: annotations that join other
    tables for what a page shows, which the count needs not join."""

    def __init__(self, *args, columns: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = columns

    def _get_page(self, object_list, *args, **kwargs):
        return super()._get_page(object_list.annotate(**self.columns), *args, **kwargs)


class CountKeyMixin:
    """For a ListView of a long list: its paginator keys the cached total by request, not by SQL."""

    paginator_class = CountCachingPaginator

    def get_paginator(self, *args, **kwargs):
        return super().get_paginator(*args, count_key=request_count_key(self.request), **kwargs)


class StandardPagination(PageNumberPagination):
    django_paginator_class = CountCachingPaginator
    paginator_base = CountCachingPaginator

    def paginate_queryset(self, queryset, request, view=None):
        self.django_paginator_class = partial(self.paginator_base, count_key=request_count_key(request))
        return super().paginate_queryset(queryset, request, view)


# A list of at most this many rows is read by its filters and sorted, not walked in the order of an index.
SORT_BELOW = 2_000


class ShortListSortingPaginator(CountCachingPaginator):
    """The staff directory's paginator. An HR officer's 1,500 staff among 100,000 are listed by name:
    PostgreSQL walked the name index and checked each row against the officer's entities until a page was
    full (12,500 rows for 50 of level B: 22 ms; page 3: 15 ms), where reading the 1,500 by their entity and
    sorting them takes 3 ms. Once the total is known to be short, the page is read in the same order
    written as expressions no index covers (`order_without_index`), which leaves PostgreSQL only the second
    way. A long list (central HR's 100,000) keeps the walk: its first 25 rows are the index's first 25."""

    def page(self, number):
        number = self.validate_number(number)
        if isinstance(self.object_list, QuerySet) and self.count <= SORT_BELOW:
            self.object_list = order_without_index(self.object_list)
        return super().page(number)


class DirectoryPaginator(ShortListSortingPaginator):
    """The staff directory's paginator: a page's rows get their entity and function from the catalogues
    (its list, `staff_directory_list`, joins neither)."""

    def _get_page(self, object_list, *args, **kwargs):
        from hrportal.selectors.staff import name_directory_rows

        rows = list(object_list)
        name_directory_rows(rows)
        return super()._get_page(rows, *args, **kwargs)


def order_without_index(queryset: QuerySet) -> QuerySet:
    """`queryset` in the same order, its columns wrapped (`name || ''`, `id + 0`) so that no index can give
    it; unchanged when an ordering is not a plain column of the model."""
    ordering = []
    for item in queryset.query.order_by:
        if not isinstance(item, str):
            ordering.append(item)  # an expression (Lower(...)) no index covers already
            continue
        name = item.lstrip("-")
        try:
            field = queryset.model._meta.pk if name == "pk" else queryset.model._meta.get_field(name)
        except FieldDoesNotExist:
            return queryset
        if isinstance(field, (CharField, TextField)):
            # a template, not Concat(): the same SQL without Concat's COALESCE wrapping, which took a third of
            # the page query's compilation
            expression = Func(F(field.attname), template="(%(expressions)s || '')", output_field=field)
        elif isinstance(field, (AutoField, BigAutoField, IntegerField, ForeignKey)):
            expression = ExpressionWrapper(F(field.attname) + 0, output_field=IntegerField())
        else:
            return queryset
        ordering.append(expression.desc() if item.startswith("-") else expression.asc())
    return queryset.order_by(*ordering)


class DirectoryPagination(StandardPagination):
    paginator_base = DirectoryPaginator
