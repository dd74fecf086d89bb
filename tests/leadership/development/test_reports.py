import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leadership.development.models import Enrolment
from leadership.development.reports import build_development_participation
from tests.factories import StaffFactory
from tests.leadership.factories import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _build():
    with CaptureQueriesContext(connection) as queries:
        result = build_development_participation(run=None, progress=lambda p: None)
    return result, len(queries)


def test_participation_counts_per_trajectory_in_a_fixed_number_of_queries(entity):
    session = SessionFactory()
    EnrolmentFactory(session=session, staff=StaffFactory(entity=entity))
    EnrolmentFactory(
        session=session, staff=StaffFactory(entity=entity), status=Enrolment.Status.AGREED, attendance="attended"
    )
    result, few = _build()
    assert result.rows[0]["requested"] == 1 and result.rows[0]["attended"] == 1 and result.rows[0]["agreed"] == 1
    for _ in range(5):
        SessionFactory()
    _result, more = _build()
    assert few == more
