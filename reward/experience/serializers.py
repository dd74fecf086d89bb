from decimal import Decimal

from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from reward.experience.models import ExperiencePeriod, ExperienceRequest


class ExperiencePeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExperiencePeriod
        fields = [
            "id",
            "employer",
            "sector",
            "job",
            "start",
            "end",
            "part_time_fraction",
            "relevant",
            "relevance_note",
            "recognised",
        ]


class ExperienceRequestSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    periods = ExperiencePeriodSerializer(many=True, read_only=True)

    class Meta:
        model = ExperienceRequest
        fields = [
            "id",
            "staff",
            "staff_name",
            "status",
            "note",
            "submitted_at",
            "judged_at",
            "decided_on",
            "pro_rata",
            "shortage_occupation",
            "decision_note",
            "salary_seniority_start_before",
            "salary_seniority_start",
            "superseded_by",
            "superseded_on",
            "periods",
        ]


class ExperiencePeriodInputSerializer(serializers.Serializer):
    employer = serializers.CharField(max_length=200)
    sector = serializers.ChoiceField(choices=ExperiencePeriod.Sector.choices)
    job = serializers.CharField(max_length=200)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()
    part_time_fraction = serializers.DecimalField(
        max_digits=3, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal(1), default=Decimal(1)
    )


class ExperienceRequestInputSerializer(serializers.Serializer):
    periods = ExperiencePeriodInputSerializer(many=True, allow_empty=False, max_length=40)
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class ExperienceJudgementSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    relevant = serializers.BooleanField()
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class ExperienceJudgeInputSerializer(serializers.Serializer):
    judgements = ExperienceJudgementSerializer(many=True, max_length=40)


class ExperienceRecognitionSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    recognised = serializers.BooleanField()


class ExperienceDecideInputSerializer(serializers.Serializer):
    periods = ExperienceRecognitionSerializer(many=True, max_length=40)
    pro_rata = serializers.BooleanField(default=False)
    shortage_occupation = serializers.BooleanField(default=False)
    note = serializers.CharField(max_length=TEXT_MAX_LENGTH, required=False, allow_blank=True, default="")


class RecognisedLineSerializer(serializers.Serializer):
    employer = serializers.CharField()
    sector = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    calendar_days = serializers.IntegerField()
    counted = serializers.BooleanField()
    weight = serializers.FloatField()


class SalarySenioritySerializer(serializers.Serializer):
    on = serializers.DateField()
    years = serializers.IntegerField()
    months = serializers.IntegerField()
    days = serializers.IntegerField()
    total_days = serializers.IntegerField()
    service_days = serializers.IntegerField()
    experience_days = serializers.IntegerField()
    overlap_days = serializers.IntegerField()
    start = serializers.DateField(allow_null=True)


class RecognisedExperienceSerializer(serializers.Serializer):
    years = serializers.IntegerField()
    months = serializers.IntegerField()
    days = serializers.IntegerField()
    total_days = serializers.IntegerField()
    capped_days_before_cap = serializers.IntegerField()
    cap_days = serializers.IntegerField()
    lines = RecognisedLineSerializer(many=True)


class StaffSenioritySerializer(RecognisedExperienceSerializer):
    """The staff endpoint's answer: the recognised experience and the salary seniority it feeds."""

    salary_seniority = SalarySenioritySerializer()
