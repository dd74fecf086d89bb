"""The directory's fast paths write what the general ones wrote: rows, API rows and the cached filter form."""

from django.template import Context, Template
from django.utils import translation
from rest_framework import serializers

from hrportal.apis.serializers import StaffListSerializer
from hrportal.filters import StaffFilter
from hrportal.forms_rendering import filter_form_html
from hrportal.models import Staff
from hrportal.selectors.staff import DIRECTORY_FIELDS
from hrportal.templatetags.hrportal import staff_rows
from tests.factories import FunctionFactory, StaffFactory

# The directory's rows as the template wrote them before `staff_rows`.
TEMPLATE_ROWS = Template(
    "{% load hrportal %}{% for member in staff_list %}"
    '<tr><td><a class="govuk-link" href="{% url \'staff-detail\' member.pk %}">{{ member.last_name }}, '
    "{{ member.first_name }}</a></td><td>{{ member.entity }}</td><td>{{ member.grade }}</td>"
    "<td>{{ tier_labels|get_item:member.management_tier }}</td>"
    '<td>{{ member.function.name|default:"—" }}</td></tr>{% endfor %}'
)


def _directory(entity):
    odd = FunctionFactory(name='Analist "data" & <rapportering>')
    StaffFactory(entity=entity, first_name="Zoë", last_name="O'Brien & <Co>", function=odd)
    StaffFactory(entity=entity, function=None, top_manager=True)
    return list(Staff.objects.select_related("entity", "function").only(*DIRECTORY_FIELDS).order_by("last_name", "id"))


def test_staff_rows_are_the_template_rows(entity):
    members = _directory(entity)
    tiers = {value: str(label) for value, label in Staff.Tier.choices}
    expected = TEMPLATE_ROWS.render(Context({"staff_list": members, "tier_labels": tiers}))
    assert staff_rows(members, tiers) == expected
    assert "O&#x27;Brien &amp; &lt;Co&gt;" in expected and "<td>—</td>" in expected  # escaped, no function


def test_api_rows_are_drf_rows(entity):
    for member in _directory(entity):
        serializer = StaffListSerializer()
        assert serializer.to_representation(member) == serializers.ModelSerializer.to_representation(serializer, member)


def test_a_filter_form_renders_once_per_input_and_follows_language_and_choices(entity, other_entity):
    def form(data):
        return StaffFilter(data, queryset=Staff.objects.none()).form

    data = {"q": "peeters", "entity": str(entity.pk)}
    with translation.override("nl"):
        first = filter_form_html(form(data))
        assert first == str(form(data))  # what the form renders itself
        assert filter_form_html(form(data)) is first  # kept: the same object, not rendered again
        assert filter_form_html(form({"q": "janssens"})) != first
        invalid = form({"level": "Z"})
        assert "govuk-error-summary" in filter_form_html(invalid)  # errors follow from the input too
    with translation.override("en"):
        assert filter_form_html(form(data)) != first
    other_entity.name = "Agentschap Hernoemd"
    other_entity.save()  # a saved entity changes the options: the form is rendered again
    with translation.override("nl"):
        renamed = filter_form_html(form(data))
    assert "Agentschap Hernoemd" in renamed and renamed == str(form(data))
