from rest_framework import serializers

from hrportal.inputs import TEXT_MAX_LENGTH, BoundedDateSerializerField
from hrportal.models import Competency, Entity
from mobility.models import (
    Assignment,
    Match,
    TalentApplication,
    TalentOffer,
    TalentOfferCompetency,
    TalentRequest,
    TalentRequestCompetency,
)


class OfferCompetencySerializer(serializers.ModelSerializer):
    competency = serializers.PrimaryKeyRelatedField(queryset=Competency.objects.all())
    level = serializers.IntegerField(min_value=1, max_value=4)

    class Meta:
        model = TalentOfferCompetency
        fields = ["competency", "level"]


class RequestCompetencySerializer(OfferCompetencySerializer):
    required = serializers.BooleanField(default=True)

    class Meta:
        model = TalentRequestCompetency
        fields = ["competency", "level", "required"]


class OfferSerializer(serializers.ModelSerializer):
    competencies = OfferCompetencySerializer(many=True, read_only=True)
    staff_name = serializers.CharField(source="staff.full_name", read_only=True)

    class Meta:
        model = TalentOffer
        fields = [
            "id",
            "staff",
            "staff_name",
            "title",
            "description",
            "time_share_percent",
            "start",
            "end",
            "where",
            "languages",
            "status",
            "competencies",
            "created_at",
            "changed_at",
        ]
        read_only_fields = fields


class OfferInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=TEXT_MAX_LENGTH, allow_blank=True, default="")
    time_share_percent = serializers.IntegerField(min_value=1, max_value=100)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()
    where = serializers.ChoiceField(choices=TalentOffer.Where.choices, default=TalentOffer.Where.ANY_ENTITY)
    languages = serializers.ListField(child=serializers.CharField(max_length=2), default=list)
    competencies = OfferCompetencySerializer(many=True)

    def to_service(self) -> dict:
        data = dict(self.validated_data)
        data["competencies"] = [(c["competency"].pk, c["level"]) for c in data["competencies"]]
        return data


class RequestSerializer(serializers.ModelSerializer):
    competencies = RequestCompetencySerializer(many=True, read_only=True)
    owner_name = serializers.CharField(source="owner.full_name", read_only=True)
    entity_name = serializers.CharField(source="entity.name", read_only=True)

    class Meta:
        model = TalentRequest
        fields = [
            "id",
            "owner",
            "owner_name",
            "entity",
            "entity_name",
            "title",
            "description",
            "time_share_percent",
            "start",
            "end",
            "closing_date",
            "status",
            "competencies",
            "created_at",
            "changed_at",
        ]
        read_only_fields = fields


class RequestInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    entity = serializers.PrimaryKeyRelatedField(queryset=Entity.objects.all())
    time_share_percent = serializers.IntegerField(min_value=1, max_value=100)
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()
    closing_date = BoundedDateSerializerField()
    competencies = RequestCompetencySerializer(many=True)

    def to_service(self) -> dict:
        data = dict(self.validated_data)
        data["competencies"] = [(c["competency"].pk, c["level"], c["required"]) for c in data["competencies"]]
        return data


class CandidateOfferSerializer(serializers.Serializer):
    """The candidate's offer in brief, read from the match's columns (selectors.CANDIDATE_COLUMNS); its
    competencies are in the match's explanation."""

    id = serializers.IntegerField(source="offer_id")
    title = serializers.CharField(source="offer_title", max_length=TEXT_MAX_LENGTH)
    staff = serializers.IntegerField(source="offer_staff_id")
    staff_name = serializers.CharField()
    entity_name = serializers.CharField()
    time_share_percent = serializers.IntegerField(source="offer_time_share_percent")
    start = BoundedDateSerializerField(source="offer_start")
    end = BoundedDateSerializerField(source="offer_end")


class CandidateSerializer(serializers.ModelSerializer):
    offer = CandidateOfferSerializer(source="*", read_only=True)

    class Meta:
        model = Match
        fields = ["id", "score", "explanation", "computed_at", "offer"]
        read_only_fields = fields

    def to_representation(self, match):
        """What the declared fields give (a test compares the two on every row), written out: DRF's walk of
        13 fields per row, each looked up by its source, took more time than reading the rows."""
        offer_fields = self.fields["offer"].fields
        return {
            "id": match.id,
            "score": match.score,
            "explanation": match.explanation,
            "computed_at": _shown(self.fields["computed_at"], match.computed_at),
            "offer": {
                "id": match.offer_id,
                "title": match.offer_title,
                "staff": match.offer_staff_id,
                "staff_name": match.staff_name,
                "entity_name": match.entity_name,
                "time_share_percent": match.offer_time_share_percent,
                "start": _shown(offer_fields["start"], match.offer_start),
                "end": _shown(offer_fields["end"], match.offer_end),
            },
        }


def _shown(field, value):
    """A value as DRF's `field` shows it (None stays None, as in Serializer.to_representation)."""
    return None if value is None else field.to_representation(value)


class ForYouRequestSerializer(serializers.Serializer):
    """The matched request in brief; its competencies are in the match's explanation."""

    id = serializers.IntegerField()
    title = serializers.CharField(
        max_length=TEXT_MAX_LENGTH,
    )
    entity = serializers.IntegerField(source="entity_id")
    entity_name = serializers.CharField(source="entity.name")
    time_share_percent = serializers.IntegerField()
    start = BoundedDateSerializerField()
    end = BoundedDateSerializerField()
    closing_date = BoundedDateSerializerField()


class ForYouSerializer(serializers.ModelSerializer):
    request = ForYouRequestSerializer(read_only=True)

    class Meta:
        model = Match
        fields = ["id", "score", "explanation", "computed_at", "offer", "request"]
        read_only_fields = fields


class TalentApplicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = TalentApplication
        fields = [
            "id",
            "request",
            "offer",
            "kind",
            "status",
            "message",
            "created_at",
            "consent_at",
            "decided_at",
            "reason",
        ]
        read_only_fields = fields


class ApplyInputSerializer(serializers.Serializer):
    offer = serializers.IntegerField()
    message = serializers.CharField(max_length=TEXT_MAX_LENGTH, allow_blank=True, default="")


class ReasonInputSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=TEXT_MAX_LENGTH, allow_blank=True, default="")


class TalentAssignmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assignment
        fields = ["id", "application", "offer", "request", "staff", "start", "end", "time_share_percent"]
        read_only_fields = fields


class MarketRowSerializer(serializers.Serializer):
    competency = serializers.IntegerField(source="competency.pk")
    name = serializers.CharField(source="competency.name")
    supply = serializers.IntegerField()
    demand = serializers.IntegerField()


class MarketSerializer(serializers.Serializer):
    counts = serializers.DictField(child=serializers.IntegerField())
    rows = MarketRowSerializer(many=True)
    no_candidates = RequestSerializer(many=True)
    first_match_hours = serializers.DictField(child=serializers.FloatField(allow_null=True))
