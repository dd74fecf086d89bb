"""Month arithmetic of stays, and the share of a cost that is reimbursed."""

import calendar
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from mobility.models import MobilityCall

CENT = Decimal("0.01")


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stay_last_day(start: date, months: int) -> date:
    """The last day of a stay of exactly `months` months from `start`: start + months - 1 day (1 Mar → 31 Aug)."""
    return add_months(start, months) - timedelta(days=1)


def stay_bounds(*, call: MobilityCall, start: date) -> tuple[date, date]:
    """The earliest and latest end a stay starting on `start` may have under `call`."""
    return stay_last_day(start, call.min_months), stay_last_day(start, call.max_months)


def share_of(amount: Decimal, percent: int) -> Decimal:
    return (Decimal(amount) * Decimal(percent) / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)
