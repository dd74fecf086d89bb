"""The interval rule on evaluations, in the core so that every road that creates an evaluation asks it.

After an "insufficient", the next evaluation of that person may take place no sooner than
`deployability.evaluation.min_months_after_insufficient` months later (SPEC 2; 001, I.5). The core's admin
(the evaluation page and the staff page's inline) and deployability's evaluation cases call
`evaluation_check_interval()`; the core imports nothing of deployability for it.
"""

import calendar
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from hrportal.models import Evaluation
from hrportal.parameters.selectors import parameter

MIN_MONTHS_KEY = "deployability.evaluation.min_months_after_insufficient"


def add_months(day: date, months: int) -> date:
    """`day` plus whole calendar months; the 31st of a shorter month becomes its last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def evaluation_earliest_date(*, staff_id: int, evaluated_on: date, exclude_id: int | None = None) -> date | None:
    """The earliest date an evaluation dated `evaluated_on` may have, or None when no rule binds it: the
    evaluation just before it was an "insufficient" → that date plus the minimum months (in force on it)."""
    previous = Evaluation.objects.filter(staff_id=staff_id, evaluated_on__lt=evaluated_on)
    if exclude_id is not None:
        previous = previous.exclude(pk=exclude_id)
    last = previous.order_by("-evaluated_on").values_list("evaluated_on", "rating").first()
    if last is None or last[1] != Evaluation.Rating.INSUFFICIENT:
        return None
    return add_months(last[0], int(parameter(MIN_MONTHS_KEY, on=last[0])))


def evaluation_check_interval(*, staff_id: int, evaluated_on: date, exclude_id: int | None = None) -> None:
    """Raise a ValidationError on `evaluated_on` when it comes too soon after an "insufficient"."""
    if staff_id is None or evaluated_on is None:
        return
    earliest = evaluation_earliest_date(staff_id=staff_id, evaluated_on=evaluated_on, exclude_id=exclude_id)
    if earliest is not None and evaluated_on < earliest:
        raise ValidationError(
            {
                "evaluated_on": _(
                    "After an 'insufficient' the next evaluation may take place no sooner than %(months)s months "
                    "later: on %(date)s at the earliest."
                )
                % {
                    "months": parameter(MIN_MONTHS_KEY, on=evaluated_on),
                    "date": date_format(earliest, "DATE_FORMAT"),
                }
            }
        )
