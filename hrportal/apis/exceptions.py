import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from hrportal.inputs import is_input_error

logger = logging.getLogger(__name__)


def exception_handler(exc, context):
    """Services raise Django's ValidationError; the API answers it as a 400 with field errors. A value the
    database or Python cannot represent (a number out of range reaching a query) is a bad request too."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=as_serializer_error(exc))
    elif is_input_error(exc):
        logger.warning("A value out of range reached the database: %s", exc)
        exc = exceptions.ValidationError(detail={"detail": [_("A value in the request is out of range.")]})
    return drf_exception_handler(exc, context)
