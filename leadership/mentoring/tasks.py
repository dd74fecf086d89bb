from celery import shared_task

from hrportal.notifications import absolute_url, mail_send
from leadership.mentoring.models import MentoringMatch
from telework.pools.tasks import TASK_OPTIONS


def _match(match_id: int) -> MentoringMatch | None:
    return MentoringMatch.objects.select_related("mentor__staff", "mentee__staff").filter(pk=match_id).first()


@shared_task(**TASK_OPTIONS)
def notify_match_proposed(match_id: int) -> int:
    """Ask mentor and mentee to accept the proposed match."""
    match = _match(match_id)
    if match is None or match.status != MentoringMatch.Status.PROPOSED:
        return 0
    context = {"match": match, "url": absolute_url("leadership:mentoring-match-detail", match.pk)}
    return mail_send(
        template="leadership/mentoring/email/proposed",
        context=context,
        to=[match.mentor.staff.email, match.mentee.staff.email],
    )


@shared_task(**TASK_OPTIONS)
def notify_match_started(match_id: int) -> int:
    match = _match(match_id)
    if match is None or match.status != MentoringMatch.Status.ACTIVE:
        return 0
    context = {"match": match, "url": absolute_url("leadership:mentoring-match-detail", match.pk)}
    return mail_send(
        template="leadership/mentoring/email/started",
        context=context,
        to=[match.mentor.staff.email, match.mentee.staff.email],
    )
