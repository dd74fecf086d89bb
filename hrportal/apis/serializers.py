from rest_framework import serializers

from hrportal.models import Competency, Entity, Function, PortfolioAction, Staff, StaffCompetency, StaffLanguage
from hrportal.scoping import GENDER_FIELDS, PAY_FIELDS, staff_fields_hidden

# Without a viewer (a serializer used outside a request) nothing restricted is shown.
PAY_AND_GENDER = PAY_FIELDS | GENDER_FIELDS


class PersonFieldsMixin:
    """Leaves out the fields of a person the viewer may not see (hrportal.scoping.staff_fields_hidden):
    pay and gender for anyone but the person and their HR. Every serializer of a person uses it, so the
    API answers what the page shows. `person_source` names the attribute holding the Staff record."""

    person_source: str | None = None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        person = getattr(instance, self.person_source) if self.person_source else instance
        hidden = PAY_AND_GENDER if request is None else staff_fields_hidden(user=request.user, staff=person)
        for name in hidden & data.keys():
            del data[name]
        return data


class EntitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ["id", "code", "name", "kind", "parent", "headcount_target", "telework_max_share_percent", "desks"]


class CompetencySerializer(serializers.ModelSerializer):
    cluster = serializers.CharField(source="cluster.code")

    class Meta:
        model = Competency
        fields = ["id", "code", "name", "name_en", "cluster", "definition"]


class FunctionSerializer(serializers.ModelSerializer):
    family = serializers.CharField(source="family.code", default=None, allow_null=True)

    class Meta:
        model = Function
        fields = ["id", "name", "family", "function_class", "weight", "teleworkable"]


class StaffListSerializer(serializers.ModelSerializer):
    entity = serializers.CharField(source="entity.name")
    function = serializers.CharField(source="function.name", default=None)

    class Meta:
        model = Staff
        fields = [
            "id",
            "personnel_number",
            "first_name",
            "last_name",
            "email",
            "entity_id",
            "entity",
            "level",
            "grade",
            "management_tier",
            "function",
            "line_manager_id",
        ]

    def to_representation(self, instance):
        """The row read straight off the model: the declared fields (and so the OpenAPI schema) stay, but
        DRF's field-by-field walk cost about a tenth of a millisecond per row, 50 rows a page. The values
        are the ones DRF gives (a test compares the two on staff with and without a function). A subclass
        with more fields (the profile's `StaffDetailSerializer`) takes DRF's way."""
        if type(self) is not StaffListSerializer:
            return super().to_representation(instance)
        function = instance.function
        return {
            "id": instance.id,
            "personnel_number": instance.personnel_number,
            "first_name": instance.first_name,
            "last_name": instance.last_name,
            "email": instance.email,
            "entity_id": instance.entity_id,
            "entity": instance.entity.name,
            "level": instance.level,
            "grade": instance.grade,
            "management_tier": instance.management_tier,
            "function": None if function is None else function.name,
            "line_manager_id": instance.line_manager_id,
        }


class StaffLanguageSerializer(serializers.ModelSerializer):
    class Meta:
        model = StaffLanguage
        fields = ["language", "proficiency"]


class StaffCompetencySerializer(serializers.ModelSerializer):
    competency = serializers.PrimaryKeyRelatedField(queryset=Competency.objects.all())
    name = serializers.CharField(source="competency.name", read_only=True)

    class Meta:
        model = StaffCompetency
        fields = ["competency", "name", "level"]


class StaffDetailSerializer(PersonFieldsMixin, StaffListSerializer):
    languages = StaffLanguageSerializer(many=True)
    competencies = StaffCompetencySerializer(many=True)

    class Meta(StaffListSerializer.Meta):
        fields = [
            *StaffListSerializer.Meta.fields,
            "salary_scale",
            "gross_monthly_salary",
            "gender",
            "employment_type",
            "objective_recruitment",
            "service_start",
            "entity_start",
            "working_time_fraction",
            "languages",
            "competencies",
        ]


class StaffProfileInputSerializer(serializers.Serializer):
    languages = StaffLanguageSerializer(many=True)
    competencies = StaffCompetencySerializer(many=True)


class PortfolioActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PortfolioAction
        fields = [
            "id",
            "code",
            "objective",
            "title",
            "title_en",
            "description",
            "sponsor",
            "status",
            "continues",
            "term",
            "planned_start",
            "planned_end",
            "status_text",
        ]
