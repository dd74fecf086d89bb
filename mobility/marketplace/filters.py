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


def _competency_choices():
    return [("", "---------"), *Competency.objects.values_list("id", "name")]


def _entity_choices():
    return [("", "---------"), *Entity.objects.order_by("name").values_list("id", "name")]


class _Base(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")
    # plain (id, name) choices: rendering 500 entities as model instances costs more than the whole list page
    competency = django_filters.TypedChoiceFilter(
        label=_("Competency"), choices=_competency_choices, coerce=int, method="filter_competency", widget=FastSelect
    )
    entity = django_filters.TypedChoiceFilter(
        label=_("Entity"), choices=_entity_choices, coerce=int, method="filter_entity", widget=FastSelect
    )
    period_from = django_filters.DateFilter(
        label=_("Available from"), method="filter_period_from", widget=django_filters.widgets.forms.DateInput(DATE)
    )
    period_until = django_filters.DateFilter(
        label=_("Until"), method="filter_period_until", widget=django_filters.widgets.forms.DateInput(DATE)
    )
    prefix = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # read the choices once per request (a callable would be read on validation and again on rendering)
        self.filters["competency"].extra["choices"] = _competency_choices()
        self.filters["entity"].extra["choices"] = _entity_choices()

    def filter_period_from(self, queryset, name, value):
        return queryset.filter(**{f"{self.prefix}end__gte": value})

    def filter_period_until(self, queryset, name, value):
        return queryset.filter(**{f"{self.prefix}start__lte": value})

    @extend_schema_field(OpenApiTypes.INT)
    def filter_entity(self, queryset, name, value):
        return queryset.filter(**{f"{self.entity_field}_id": value})


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
            Exists(TalentOfferCompetency.objects.filter(offer=OuterRef("offer_id"), competency_id=value))
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
            Exists(TalentRequestCompetency.objects.filter(request=OuterRef("request_id"), competency_id=value))
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
            Exists(TalentRequestCompetency.objects.filter(request=OuterRef("pk"), competency_id=value))
        )
