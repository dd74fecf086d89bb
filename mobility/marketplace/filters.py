"""Search and filters on the marketplace lists, shared by the pages and the API."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from hrportal.models import Competency, Entity
from hrportal.widgets import FastSelect
from mobility.models import TalentOfferCompetency, TalentRequest, TalentRequestCompetency

DATE = {"type": "date"}


class _Base(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    # The options are rendered once per change of the model (FastSelect), never built per request: a form
    # copies its fields, and copying a choice list of 500 entities cost more than the rest of the page.
    competency = django_filters.ModelChoiceFilter(
        label=_("Competency"),
        queryset=Competency.objects.all(),
        method="filter_competency",
        widget=FastSelect(label_field="name", cached=True),
    )
    entity = django_filters.ModelChoiceFilter(
        label=_("Entity"),
        queryset=Entity.objects.order_by("name"),
        method="filter_entity",
        widget=FastSelect(label_field="name", cached=True),
    )
    period_from = django_filters.DateFilter(
        label=_("Available from"), method="filter_period_from", widget=django_filters.widgets.forms.DateInput(DATE)
    )
    period_until = django_filters.DateFilter(
        label=_("Until"), method="filter_period_until", widget=django_filters.widgets.forms.DateInput(DATE)
    )
    prefix = ""

    def filter_period_from(self, queryset, name, value):
        return queryset.filter(**{f"{self.prefix}end__gte": value})

    def filter_period_until(self, queryset, name, value):
        return queryset.filter(**{f"{self.prefix}start__lte": value})

    @extend_schema_field(OpenApiTypes.INT)
    def filter_entity(self, queryset, name, value):
        return queryset.filter(**{f"{self.entity_field}_id": value.pk})


class CandidateFilter(_Base):
    """On the matches of one request: the candidates (offers)."""

    min_share = django_filters.NumberFilter(
        label=_("Minimum share of time (%)"), field_name="offer__time_share_percent", lookup_expr="gte"
    )
    prefix = "offer__"
    entity_field = "offer__staff__entity"

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(offer__title__icontains=value)
            | Q(offer__description__icontains=value)
            | Q(offer__staff__last_name__icontains=value)
            | Q(offer__staff__first_name__icontains=value)
        )

    @extend_schema_field(OpenApiTypes.INT)
    def filter_competency(self, queryset, name, value):
        return queryset.filter(
            Exists(TalentOfferCompetency.objects.filter(offer=OuterRef("offer_id"), competency_id=value.pk))
        )


class ForYouFilter(_Base):
    """On the matches of one's offers: the requests."""

    max_share = django_filters.NumberFilter(
        label=_("Maximum share of time (%)"), field_name="request__time_share_percent", lookup_expr="lte"
    )
    prefix = "request__"
    entity_field = "request__entity"

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(request__title__icontains=value) | Q(request__description__icontains=value))

    @extend_schema_field(OpenApiTypes.INT)
    def filter_competency(self, queryset, name, value):
        return queryset.filter(
            Exists(TalentRequestCompetency.objects.filter(request=OuterRef("request_id"), competency_id=value.pk))
        )


class RequestFilter(_Base):
    """On the open requests of the marketplace."""

    max_share = django_filters.NumberFilter(
        label=_("Maximum share of time (%)"), field_name="time_share_percent", lookup_expr="lte"
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TalentRequest.Status.choices)
    entity_field = "entity"

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    @extend_schema_field(OpenApiTypes.INT)
    def filter_competency(self, queryset, name, value):
        return queryset.filter(
            Exists(TalentRequestCompetency.objects.filter(request=OuterRef("pk"), competency_id=value.pk))
        )
