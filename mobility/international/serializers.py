from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Entity, Staff
from mobility.models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)


class HostSerializer(serializers.ModelSerializer):
    class Meta:
        model = HostOrganisation
        fields = ["id", "name"]


class CallSerializer(serializers.ModelSerializer):
    hosts = HostSerializer(many=True, read_only=True)
    eligible_levels = serializers.ListField(source="level_list", child=serializers.CharField(), read_only=True)
    call_kind = serializers.ChoiceField(source="kind", choices=MobilityCall.Kind.choices, read_only=True)

    class Meta:
        model = MobilityCall
        fields = [
            "id",
            "title",
            "call_kind",
            "description",
            "opens_on",
            "closes_on",
            "eligible_levels",
            "min_months",
            "max_months",
            "hosts",
        ]


class CallInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    call_kind = serializers.ChoiceField(choices=MobilityCall.Kind.choices)
    description = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
    opens_on = BoundedDateSerializerField()
    closes_on = BoundedDateSerializerField()
    eligible_levels = serializers.ListField(child=serializers.ChoiceField(choices=Staff.Level.choices), min_length=1)
    min_months = serializers.IntegerField(min_value=1, max_value=24, required=False, allow_null=True, default=None)
    max_months = serializers.IntegerField(min_value=1, max_value=24, required=False, allow_null=True, default=None)
    hosts = serializers.ListField(child=serializers.CharField(max_length=200), min_length=1)


class CallUpdateSerializer(serializers.Serializer):
    """A call's changeable fields: everything but its kind."""

    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
    opens_on = BoundedDateSerializerField()
    closes_on = BoundedDateSerializerField()
    eligible_levels = serializers.ListField(child=serializers.ChoiceField(choices=Staff.Level.choices), min_length=1)
    min_months = serializers.IntegerField(min_value=1, max_value=24, required=False, allow_null=True, default=None)
    max_months = serializers.IntegerField(min_value=1, max_value=24, required=False, allow_null=True, default=None)
    hosts = serializers.ListField(child=serializers.CharField(max_length=200), min_length=1)


class StaffBriefSerializer(serializers.ModelSerializer):
    entity = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = Staff
        fields = ["id", "first_name", "last_name", "level", "entity"]


class ClaimSerializer(serializers.ModelSerializer):
    cost_kind = serializers.ChoiceField(source="kind", choices=ExpenseClaim.Kind.choices, read_only=True)

    class Meta:
        model = ExpenseClaim
        fields = [
            "id",
            "application",
            "cost_kind",
            "claim_date",
            "description",
            "amount",
            "reimbursed_percent",
            "reimbursed_amount",
            "filed_at",
        ]


class ClaimInputSerializer(serializers.Serializer):
    cost_kind = serializers.ChoiceField(choices=ExpenseClaim.Kind.choices)
    claim_date = BoundedDateSerializerField()
    amount = serializers.DecimalField(max_digits=10, decimal_places=2)
    description = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class MobilityApplicationSerializer(serializers.ModelSerializer):
    staff = StaffBriefSerializer(read_only=True)
    call_title = serializers.CharField(source="call.title", read_only=True)
    host = HostSerializer(read_only=True, allow_null=True)

    class Meta:
        model = MobilityApplication
        fields = [
            "id",
            "call",
            "call_title",
            "staff",
            "host",
            "start",
            "end",
            "motivation",
            "status",
            "submitted_at",
            "manager_decided_at",
            "manager_reason",
            "host_decided_at",
            "host_note",
        ]


class ApplicationInputSerializer(serializers.Serializer):
    call = serializers.IntegerField()
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()
    host = serializers.IntegerField(required=False, allow_null=True, default=None)
    motivation = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class ManagerDecisionInputSerializer(serializers.Serializer):
    agree = serializers.BooleanField()
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class HostDecisionInputSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=["green_light", "counterpart_sought", "refused"])
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class CallTotalsSerializer(serializers.Serializer):
    call_id = serializers.IntegerField()
    title = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    call_kind = serializers.CharField(source="kind")
    claims = serializers.IntegerField()
    travel = serializers.DecimalField(max_digits=14, decimal_places=2)
    stay = serializers.DecimalField(max_digits=14, decimal_places=2)
    claimed = serializers.DecimalField(max_digits=14, decimal_places=2)
    reimbursed = serializers.DecimalField(max_digits=14, decimal_places=2)
    own_share = serializers.DecimalField(max_digits=14, decimal_places=2)


class VacancySerializer(serializers.ModelSerializer):
    entity_name = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = ExternalVacancy
        fields = ["id", "title", "entity", "entity_name", "level", "description", "closes_on", "status"]


class VacancyInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all())
    level = serializers.ChoiceField(choices=Staff.Level.choices)
    closes_on = BoundedDateSerializerField()
    description = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class ExternalApplicantSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExternalApplicant
        fields = [
            "id",
            "vacancy",
            "first_name",
            "last_name",
            "email",
            "origin",
            "employer",
            "permanently_appointed",
            "seniority_years",
            "seniority_months",
            "selection",
            "selection_date",
            "selection_note",
        ]


class ExternalApplicantInputSerializer(serializers.Serializer):
    first_name = serializers.CharField(max_length=100)
    last_name = serializers.CharField(max_length=100)
    email = serializers.EmailField()
    origin = serializers.ChoiceField(choices=ExternalApplicant.Origin.choices)
    employer = serializers.CharField(max_length=200)
    permanently_appointed = serializers.BooleanField()
    seniority_years = serializers.IntegerField(min_value=0, max_value=60)
    seniority_months = serializers.IntegerField(min_value=0, max_value=11)


class SelectionInputSerializer(serializers.Serializer):
    passed = serializers.BooleanField()
    selection_date = BoundedDateSerializerField()
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class DetachmentSerializer(serializers.ModelSerializer):
    staff = StaffBriefSerializer(read_only=True)

    class Meta:
        model = Detachment
        fields = [
            "id",
            "staff",
            "institution",
            "country",
            "start",
            "end",
            "annual_salary_cost",
            "institution_pays_salary",
            "compensated_percent",
            "compensation_amount",
        ]


class DetachmentInputSerializer(serializers.Serializer):
    staff = serializers.IntegerField()
    institution = serializers.CharField(max_length=200)
    country = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField(required=False, allow_null=True, default=None)
    annual_salary_cost = serializers.DecimalField(max_digits=12, decimal_places=2)
    institution_pays_salary = serializers.BooleanField()
