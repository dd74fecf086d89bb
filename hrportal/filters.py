import re

import django_filters
from django.db import connections
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from hrportal.models import Competency, Entity, Staff, StaffCompetency, StaffSearchEntry
from hrportal.scoping import entity_subtree_ids_sql
from hrportal.selectors.staff import staff_directory_entries
from hrportal.widgets import FastSelect

NAME_WORD = re.compile(r"\w+")


def staff_search(queryset, text: str):
    """Each word the user types must start a word of the first or last name ("smet" finds "De Smet",
    "marie" finds "Anne-Marie"), or start the e-mail address; a word with "@" or "." matches the e-mail.

    `queryset` is of Staff, or of StaffSearchEntry for a search answered from the entries alone
    (`StaffFilter`, `IndexedStaffSearch`): there the first one-word token selects the entries that drive
    the search and each other token narrows them by staff. On PostgreSQL the words are prefix ranges of the
    search entries' index (migration 0010), a few milliseconds at 100,000 staff; SQLite, for small data,
    gets the same meaning with LIKE.
    """
    entries = queryset.model is StaffSearchEntry
    key = "staff_id" if entries else "pk"
    postgres = connections[queryset.db].vendor == "postgresql"
    driver = driving_token(text) if entries else None
    for token in text.split()[:SEARCH_TOKENS]:
        if token == driver:
            queryset = queryset.filter(_entries_of(token))
            driver = None
        elif postgres:
            queryset = queryset.filter(_token_matches(token, key))
        else:
            queryset = queryset.filter(_token_matches_sqlite(token))
    if entries:
        return queryset
    # Ordered by an expression no index covers, PostgreSQL takes the matches from the search entries and
    # sorts them, instead of walking the name index until 25 matches turn up.
    return queryset.order_by(Lower("last_name"), Lower("first_name"), "id")


SEARCH_TOKENS = 4


def _is_email_token(token: str) -> bool:
    return "@" in token or "." in token


def driving_token(text: str) -> str | None:
    """The first typed token that one range of the entries' index answers: an e-mail start, or one word."""
    for token in text.split()[:SEARCH_TOKENS]:
        if _is_email_token(token) or NAME_WORD.findall(token.lower()) == [token.lower()]:
            return token
    return None


def _entries_of(token: str) -> Q:
    """The search entries a driving token matches (a condition on StaffSearchEntry): one word matches a
    name word or the e-mail address that starts with it, both entries of one index range."""
    if _is_email_token(token):
        return Q(is_email=True, word__startswith=token.lower())
    return Q(word__startswith=token.lower())


def _token_matches(token: str, key: str) -> Q:
    """Staff (by `key`: "pk" on Staff, "staff_id" on the entries) that one typed token matches (PostgreSQL)."""
    entries = StaffSearchEntry.objects.values("staff_id")
    if _is_email_token(token):
        return Q(**{f"{key}__in": entries.filter(_entries_of(token))})
    words = NAME_WORD.findall(token.lower())
    if not words:
        return Q()
    if words == [token.lower()]:
        return Q(**{f"{key}__in": entries.filter(_entries_of(token))})
    names = Q()
    for word in words:
        names &= Q(**{f"{key}__in": entries.filter(is_email=False, word__startswith=word)})
    return names | Q(**{f"{key}__in": entries.filter(is_email=True, word__startswith=token.lower())})


def _token_matches_sqlite(token: str) -> Q:
    if _is_email_token(token):
        return Q(email__istartswith=token)
    words = NAME_WORD.findall(token.lower())
    if not words:
        return Q()
    names = Q()
    for word in words:
        names &= _name_word_starts_with_sqlite(word)
    return names | Q(email__istartswith=token)


def _name_word_starts_with_sqlite(word: str) -> Q:
    condition = Q()
    for field in ("first_name", "last_name"):
        condition |= (
            Q(**{f"{field}__istartswith": word})
            | Q(**{f"{field}__icontains": f" {word}"})
            | Q(**{f"{field}__icontains": f"-{word}"})
        )
    return condition


class StaffFilter(django_filters.FilterSet):
    """Search and filters of the staff directory: the page's form and the API's query parameters."""

    q = django_filters.CharFilter(label=_("Name or e-mail"), method="search", max_length=100)
    entity = django_filters.ModelChoiceFilter(
        label=_("Entity (with its divisions)"),
        queryset=Entity.objects.order_by("name"),
        method="in_entity",
        widget=FastSelect(label_field="name", cached=True),
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=Staff.Level.choices, empty_label=_("all"), widget=FastSelect
    )
    tier = django_filters.ChoiceFilter(
        label=_("Management tier"),
        field_name="management_tier",
        choices=Staff.Tier.choices,
        empty_label=_("all"),
        widget=FastSelect,
    )
    competency = django_filters.ModelChoiceFilter(
        label=_("Competency"),
        queryset=Competency.objects.all(),
        method="with_competency",
        widget=FastSelect(label_field="name", cached=True),
    )

    class Meta:
        model = Staff
        fields = ["q", "entity", "level", "tier", "competency"]

    def filter_queryset(self, queryset):
        """A name search is answered from the search entries (PostgreSQL): the viewer's scope and the same
        filters on the entries, counted and sorted on their index, and only the page's rows read from the
        staff table (`IndexedStaffSearch`)."""
        text = self.form.cleaned_data.get("q") or ""
        viewer = getattr(self.request, "user", None)
        entries = staff_directory_entries(viewer=viewer, using=queryset.db) if driving_token(text) else None
        if entries is None:
            return super().filter_queryset(queryset)
        return IndexedStaffSearch(entries=super().filter_queryset(entries), rows=queryset)

    def search(self, queryset, name, value):
        return staff_search(queryset, value)

    def in_entity(self, queryset, name, value):
        return queryset.filter(entity_id__in=entity_subtree_ids_sql(value.pk))

    def with_competency(self, queryset, name, value: Competency):
        if queryset.model is StaffSearchEntry:
            return queryset.filter(staff_id__in=StaffCompetency.objects.filter(competency=value).values("staff_id"))
        return queryset.filter(competencies__competency=value)


class IndexedStaffSearch:
    """A directory search answered from the search entries: what a paginator, the page and the API need of
    a queryset. The total is counted on the entries, a page's ids are sorted on them (last name, first
    name, id, as `staff_search` sorts), and only those staff rows are read, through the directory's own
    queryset. `order_by` (the API's `ordering`) gives that queryset with the search as a condition."""

    ordered = True

    def __init__(self, *, entries, rows):
        self.entries = entries
        self.rows = rows

    def count(self) -> int:
        return self.entries.values("staff_id").distinct().count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        ranked = self.entries.values_list("last_key", "first_key", "staff_id").distinct()
        ids = [row[2] for row in ranked.order_by("last_key", "first_key", "staff_id")[key]]
        found = self.rows.filter(pk__in=ids).order_by().in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        return iter(self[:])

    def order_by(self, *fields):
        return self.rows.filter(pk__in=self.entries.values("staff_id")).order_by(*fields)
