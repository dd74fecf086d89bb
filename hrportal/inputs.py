"""Bounds on what a person sends, in one place for forms, serializers and services.

- Dates: every date a person enters lies in the range INPUT_DATE_PAST_YEARS before and
  INPUT_DATE_FUTURE_YEARS after today (settings). Forms use `BoundedDateField`, serializers
  `BoundedDateSerializerField`, models carry `validate_input_date` (the admin), and services check dates
  that reach them another way with `date_check_bounds`.
- Texts: every free-text field has a maximum length (`TEXT_MAX_LENGTH` for long texts).
- Unique races: `unique_or_invalid` turns a unique-constraint violation of two people acting at once into
  the same validation error the first check gives.
"""

import contextlib
from datetime import date

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

# The longest free text the portal stores (a motivation, a description, a note): about four pages.
TEXT_MAX_LENGTH = 10_000


def date_bounds(*, today: date | None = None) -> tuple[date, date]:
    """The first and last date a person may enter."""
    today = today or timezone.localdate()
    return (
        today.replace(year=today.year - settings.INPUT_DATE_PAST_YEARS, month=1, day=1),
        today.replace(year=today.year + settings.INPUT_DATE_FUTURE_YEARS, month=12, day=31),
    )


def validate_input_date(value) -> None:
    """Validator for a date a person enters (form, serializer, model field)."""
    if value is None:
        return
    first, last = date_bounds()
    if not (first <= value <= last):
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={
                "first": formats.date_format(first, "SHORT_DATE_FORMAT"),
                "last": formats.date_format(last, "SHORT_DATE_FORMAT"),
            },
        )


def date_check_bounds(*, field: str, value: date | None) -> None:
    """For services receiving a date by another road (a query parameter, a command): the same bounds."""
    try:
        validate_input_date(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


class BoundedDateField(forms.DateField):
    """A form's date field within the input range; the browser's date picker gets the same limits."""

    default_validators = [validate_input_date]

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        first, last = date_bounds()
        return {**attrs, "min": first.isoformat(), "max": last.isoformat()}


class BoundedDateSerializerField(serializers.DateField):
    """A serializer's date field within the input range."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.append(validate_input_date)


def query_year(value: str | None, *, field: str = "year", default: int | None = None) -> int:
    """A year from a query parameter (?year=2026), within the input range: else a validation error (400)."""
    first, last = date_bounds()
    if value in (None, ""):
        return default if default is not None else timezone.localdate().year
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise ValidationError({field: [_("Enter a whole number.")]}) from None
    if not (first.year <= year <= last.year):
        raise ValidationError(
            {field: [_("Enter a year between %(first)s and %(last)s.") % {"first": first.year, "last": last.year}]}
        )
    return year


@contextlib.contextmanager
def unique_or_invalid(message, *, field: str | None = None):
    """Run the block in a savepoint; if a unique constraint refuses its write (someone else did the same
    at the same moment), raise the validation error the service's own check gives when it sees the row."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as exc:
        if not _is_unique_violation(exc):
            raise
        raise ValidationError({field: [message]} if field else message, code="unique") from None


def _is_unique_violation(exc: IntegrityError) -> bool:
    cause = getattr(exc, "__cause__", None)
    sqlstate = getattr(cause, "sqlstate", None) or getattr(getattr(cause, "diag", None), "sqlstate", None)
    if sqlstate is not None:
        return sqlstate == "23505"  # PostgreSQL: unique_violation
    return "UNIQUE constraint failed" in str(exc)  # SQLite


# The largest id a database key can hold (bigint); a larger number in a filter is refused, not sent to SQL.
MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A filter on an id (?staff=12): a whole number within the key's range, else a 400 with the field."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


# SQLSTATEs of values a person sent that the database cannot hold: numeric or datetime out of range,
# invalid text representation, NUL in text, a row too large. They answer 400 (hrportal.apis.exceptions,
# hrportal.middleware) when a check upstream missed them; tests/test_api_fuzz.py keeps them rare.
INPUT_SQLSTATES = {"22003", "22008", "22P02", "22021", "54000"}


def is_input_error(exc: BaseException) -> bool:
    """Was `exc` caused by a value beyond what the database or Python can represent?"""
    if isinstance(exc, OverflowError):
        return True
    if isinstance(exc, DataError):
        sqlstate = getattr(exc.__cause__, "sqlstate", None)
        return sqlstate in INPUT_SQLSTATES if sqlstate is not None else True
    return False
