import django_filters
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .models import Competency, Entity, Staff
from .scoping import entity_subtree_ids_sql
from .widgets import FastSelect


class StaffFilter(django_filters.FilterSet):
    """Search and filters of the staff directory: the page's form and the API's query parameters."""

    q = django_filters.CharFilter(label=_("Name or e-mail"), method="search", max_length=100)
    entity = django_filters.ModelChoiceFilter(
        label=_("Entity (with its divisions)"),
        queryset=Entity.objects.order_by("name"),
        method="in_entity",
        widget=FastSelect,
    )
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Staff.Level.choices, empty_label=_("all"))
    tier = django_filters.ChoiceFilter(
        label=_("Management tier"), field_name="management_tier", choices=Staff.Tier.choices, empty_label=_("all")
    )
    competency = django_filters.ModelChoiceFilter(
        label=_("Competency"), queryset=Competency.objects.all(), method="with_competency", widget=FastSelect
    )

    class Meta:
        model = Staff
        fields = ["q", "entity", "level", "tier", "competency"]

    def search(self, queryset, name, value):
        for word in value.split()[:4]:
            queryset = queryset.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__istartswith=word)
            )
        # Ordered by an expression no index covers, PostgreSQL takes the few matches from the trigram
        # indexes and sorts them, instead of walking the name index until 25 matches turn up.
        return queryset.order_by(Lower("last_name"), Lower("first_name"), "id")

    def in_entity(self, queryset, name, value):
        return queryset.filter(entity_id__in=entity_subtree_ids_sql(value.pk))

    def with_competency(self, queryset, name, value: Competency):
        return queryset.filter(competencies__competency=value)
