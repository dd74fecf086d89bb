from rest_framework import serializers

from deployability.redeployment.models import (
    GuidanceTrajectory,
    Offer,
    RedeploymentCandidate,
    TrajectoryStep,
    Vacancy,
)
from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Staff


class RedeploymentStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrajectoryStep
        fields = ["id", "title", "planned_on", "done_on"]


class RedeploymentTrajectorySerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    steps = RedeploymentStepSerializer(many=True, read_only=True)

    class Meta:
        model = GuidanceTrajectory
        fields = [
            "id",
            "staff",
            "staff_name",
            "kind",
            "reason",
            "goal",
            "started_on",
            "status",
            "completed_on",
            "outcome",
            "steps",
        ]


class RedeploymentStepInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    planned_on = BoundedDateSerializerField()


class RedeploymentTrajectoryInputSerializer(serializers.Serializer):
    personnel_number = serializers.CharField(max_length=20)
    kind = serializers.ChoiceField(choices=GuidanceTrajectory.Kind.choices)
    goal = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    started_on = BoundedDateSerializerField()
    steps = RedeploymentStepInputSerializer(many=True, required=False, default=list)


class RedeploymentCompleteInputSerializer(serializers.Serializer):
    completed_on = BoundedDateSerializerField()
    outcome = serializers.CharField(max_length=TEXT_MAX_LENGTH)


class RedeploymentRegisterInputSerializer(serializers.Serializer):
    registered_on = BoundedDateSerializerField()
    place = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


class RedeploymentCandidateSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)
    entity = serializers.IntegerField(source="staff.entity_id", read_only=True)
    grade = serializers.CharField(source="staff.grade", read_only=True)
    refusal_limit = serializers.SerializerMethodField()

    class Meta:
        model = RedeploymentCandidate
        fields = [
            "id",
            "staff",
            "staff_name",
            "entity",
            "grade",
            "trajectory",
            "registered_on",
            "place",
            "status",
            "admissibility_reasons",
            "admissibility_decided_on",
            "refusals",
            "refusal_limit",
            "placed_on",
            "placed_ex_officio",
        ]

    def get_refusal_limit(self, obj) -> int:
        return self.context.get("refusal_limit", 0)


class RedeploymentAdmissibilityInputSerializer(serializers.Serializer):
    redeployable = serializers.BooleanField()
    reasons = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    decided_on = BoundedDateSerializerField()


class RedeploymentVacancySerializer(serializers.ModelSerializer):
    class Meta:
        model = Vacancy
        fields = [
            "id",
            "title",
            "function",
            "grade",
            "entity",
            "place",
            "published_on",
            "priority_until",
            "status",
            "filled_by_other",
        ]


class RedeploymentCompetencyInputSerializer(serializers.Serializer):
    competency = serializers.IntegerField(min_value=1, max_value=2**62)
    level = serializers.IntegerField(min_value=1, max_value=4)


class RedeploymentVacancyInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    function = serializers.IntegerField(min_value=1, max_value=2**62)
    grade = serializers.ChoiceField(choices=Staff.Grade.choices)
    entity = serializers.IntegerField(min_value=1, max_value=2**62)
    place = serializers.CharField(max_length=100)
    published_on = BoundedDateSerializerField()
    competencies = RedeploymentCompetencyInputSerializer(many=True, required=False, default=list)


class RedeploymentRankedCandidateSerializer(serializers.Serializer):
    candidate = serializers.IntegerField(source="candidate.pk")
    staff_name = serializers.CharField(source="candidate.staff.full_name")
    grade = serializers.CharField(source="candidate.staff.grade")
    refusals = serializers.IntegerField(source="candidate.refusals")
    score = serializers.IntegerField()
    reasons = serializers.ListField(child=serializers.CharField())
    has_pending_offer = serializers.BooleanField()


class RedeploymentOfferSerializer(serializers.ModelSerializer):
    staff_name = serializers.CharField(source="candidate.staff.full_name", read_only=True)
    refusals = serializers.IntegerField(source="candidate.refusals", read_only=True)

    class Meta:
        model = Offer
        fields = [
            "id",
            "candidate",
            "staff_name",
            "vacancy",
            "number",
            "offered_on",
            "status",
            "answered_on",
            "refusal_reason",
            "refusals",
        ]


class RedeploymentOfferInputSerializer(serializers.Serializer):
    vacancy = serializers.IntegerField(min_value=1, max_value=2**62)
    offered_on = BoundedDateSerializerField(required=False)


class RedeploymentAnswerInputSerializer(serializers.Serializer):
    answered_on = BoundedDateSerializerField(required=False)


class RedeploymentRefuseInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH)
    answered_on = BoundedDateSerializerField(required=False)


class RedeploymentTeamMemberInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150)
    role = serializers.CharField(max_length=150)


class RedeploymentTeamMeetingInputSerializer(serializers.Serializer):
    held_on = BoundedDateSerializerField()
    notes = serializers.CharField(max_length=TEXT_MAX_LENGTH)


class RedeploymentFillInputSerializer(serializers.Serializer):
    filled_on = BoundedDateSerializerField()
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class RedeploymentInternalCloseInputSerializer(serializers.Serializer):
    closed_on = BoundedDateSerializerField()
    outcome = serializers.CharField(max_length=TEXT_MAX_LENGTH)
