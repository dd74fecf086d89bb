from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hrportal.audit.services import audit_record
from hrportal.jobs import job_enqueue
from hrportal.models import Competency, Staff
from leadership.potential.models import Assessment, AssessmentScore
from leadership.potential.permissions import can_record_assessment_of
from leadership.roles.models import LeadershipRole, ManagementLevel


@transaction.atomic
def assessment_record(
    *,
    actor,
    staff: Staff,
    role: str,
    tier: str,
    assessed_on: date,
    assessors: list[Staff],
    scores: dict[Competency, int],
    result: str,
    advice: str = "",
) -> Assessment:
    """HR records a potential assessment: at least one assessor (never the candidate), a score 1-4 for at
    least one competency, a result and advice."""
    if not can_record_assessment_of(user=actor, staff=staff):
        raise PermissionDenied
    errors = {}
    if role not in LeadershipRole.values:
        errors["role"] = _("Choose a role.")
    if tier not in ManagementLevel.values:
        errors["tier"] = _("Choose a management tier.")
    if result not in Assessment.Result.values:
        errors["result"] = _("Choose a result.")
    if not assessors:
        errors["assessors"] = _("Name at least one assessor.")
    elif any(a.pk == staff.pk for a in assessors):
        errors["assessors"] = _("Nobody assesses themselves.")
    if not scores:
        errors["scores"] = _("Score at least one competency.")
    elif any(not isinstance(v, int) or not 1 <= v <= 4 for v in scores.values()):
        errors["scores"] = _("A score lies between 1 and 4.")
    if errors:
        raise ValidationError(errors)
    assessment = Assessment.objects.create(
        staff=staff,
        role=role,
        tier=tier,
        assessed_on=assessed_on,
        result=result,
        advice=(advice or "").strip(),
        recorded_by=actor,
    )
    assessment.assessors.set(assessors)
    AssessmentScore.objects.bulk_create(
        [AssessmentScore(assessment=assessment, competency=c, score=v) for c, v in scores.items()]
    )
    # The audit trail holds no result: it is readable by more people than the assessment itself.
    audit_record(
        actor=actor,
        action="leadership.assessment.recorded",
        target=assessment,
        staff=staff,
        after={"role": role, "tier": tier, "assessed_on": assessed_on, "scores": len(scores)},
    )
    job_enqueue("leadership.potential.tasks.notify_assessment_recorded", assessment.pk)
    return assessment
