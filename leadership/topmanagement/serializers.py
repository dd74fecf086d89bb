from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Entity, Staff
from leadership.models import (
    AnnualEvaluation,
    Mandate,
    MandateEvaluation,
    Registration,
    TopCandidate,
    TopSession,
    Vacancy,
)


class TopMandateEvaluationSerializer(serializers.ModelSerializer):
    class Meta:
        model = MandateEvaluation
        fields = ["evaluated_on", "result", "note"]


class TopMandateSerializer(serializers.ModelSerializer):
    official_name = serializers.CharField(source="official.full_name", read_only=True)
    entity_name = serializers.CharField(source="entity.name", read_only=True)
    end_evaluation = serializers.SerializerMethodField()

    class Meta:
        model = Mandate
        fields = [
            "id",
            "official",
            "official_name",
            "entity",
            "entity_name",
            "function_title",
            "start",
            "end",
            "term",
            "previous",
            "status",
            "end_evaluation",
        ]

    @extend_schema_field(TopMandateEvaluationSerializer(allow_null=True))
    def get_end_evaluation(self, obj):
        evaluation = getattr(obj, "end_evaluation", None)
        return TopMandateEvaluationSerializer(evaluation).data if evaluation else None


class TopMandateInputSerializer(serializers.Serializer):
    official = serializers.PrimaryKeyRelatedField(queryset=Staff.objects.all())
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all())
    function_title = serializers.CharField(max_length=200)
    start = BoundedDateSerializerField()


class TopMandateEvaluationInputSerializer(serializers.Serializer):
    evaluated_on = BoundedDateSerializerField()
    result = serializers.ChoiceField(choices=MandateEvaluation.Result.choices)
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class TopAnnualEvaluationSerializer(serializers.ModelSerializer):
    official_name = serializers.CharField(source="official.full_name", read_only=True)

    class Meta:
        model = AnnualEvaluation
        fields = ["id", "official", "official_name", "year", "rating", "evaluated_on", "note"]


class TopAnnualEvaluationInputSerializer(serializers.Serializer):
    official = serializers.PrimaryKeyRelatedField(queryset=Staff.objects.all())
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    rating = serializers.ChoiceField(choices=AnnualEvaluation.Rating.choices)
    evaluated_on = BoundedDateSerializerField()
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class TopVacancySerializer(serializers.ModelSerializer):
    class Meta:
        model = Vacancy
        fields = ["id", "title", "kind", "entity", "year", "selection_office", "status"]


class TopVacancyInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=Vacancy.Kind.choices, default=Vacancy.Kind.TOP_FUNCTION)
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all(), required=False, allow_null=True)
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    selection_office = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class TopCandidateSerializer(serializers.ModelSerializer):
    class Meta:
        model = TopCandidate
        fields = ["id", "vacancy", "name", "gender", "stage", "outcome"]


class TopCandidateInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    gender = serializers.ChoiceField(choices=Staff.Gender.choices)
    stage = serializers.ChoiceField(choices=TopCandidate.Stage.choices)
    outcome = serializers.ChoiceField(choices=TopCandidate.Outcome.choices)


class TopSessionSerializer(serializers.ModelSerializer):
    registered = serializers.IntegerField(read_only=True)

    class Meta:
        model = TopSession
        fields = [
            "id",
            "kind",
            "title",
            "held_on",
            "place",
            "description",
            "capacity",
            "registered",
            "cancelled_on",
            "cancel_reason",
        ]


class TopSessionInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TopSession.Kind.choices)
    title = serializers.CharField(max_length=200)
    held_on = BoundedDateSerializerField()
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    description = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(min_value=1, max_value=10000)


class TopRegistrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Registration
        fields = ["id", "session", "staff", "mailing_opt_in", "attended", "created_at"]


class TopRegistrationInputSerializer(serializers.Serializer):
    mailing_opt_in = serializers.BooleanField(default=False)


class TopSessionCancelInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)


class TopSessionAttendanceInputSerializer(serializers.Serializer):
    attended = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**31 - 1), max_length=10000, allow_empty=True
    )


class TopSessionAttendanceSerializer(serializers.Serializer):
    attended = serializers.IntegerField()


class TopMailingUnsubscribeSerializer(serializers.Serializer):
    withdrawn = serializers.IntegerField()
