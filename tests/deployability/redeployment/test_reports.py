from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from deployability.evaluations.selectors import case_figures_per_entity
from deployability.models import Offer, RedeploymentCandidate
from deployability.redeployment.selectors import redeployment_figures_per_entity
from hrportal.models import Evaluation
from hrportal.reports.models import ReportRun
from hrportal.reports.services import report_run_request
from tests.deployability.redeployment.factories import CandidateFactory, OfferFactory, VacancyFactory
from tests.factories import EvaluationFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _run(kind, user, capture):
    with capture(execute=True):
        run = report_run_request(kind=kind, requested_by=user)
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE, run.error
    return run


def _placed(entity, days):
    candidate = CandidateFactory(
        staff=StaffFactory(entity=entity),
        status=RedeploymentCandidate.Status.PLACED,
        registered_on=date(2026, 1, 1),
        placed_on=date(2026, 1, 1 + days),
    )
    OfferFactory(candidate=candidate, status=Offer.Status.REFUSED, number=1)
    OfferFactory(candidate=candidate, status=Offer.Status.ACCEPTED, number=2)
    return candidate


def test_redeployment_report_per_entity(central_hr, entity, other_entity, django_capture_on_commit_callbacks):
    _placed(entity, 10)
    _placed(entity, 20)
    CandidateFactory(staff=StaffFactory(entity=other_entity))
    run = _run("deployability_redeployment", central_hr, django_capture_on_commit_callbacks)
    rows = {row["entity"]: row for row in run.result["rows"]}
    mine = rows[entity.name]
    assert (mine["candidates"], mine["offers"], mine["refusals"], mine["placed"]) == (2, 4, 2, 2)
    assert mine["mean_days_to_placement"] == 15.0
    assert rows[other_entity.name]["active"] == 1
    client = Client()
    client.force_login(central_hr)
    assert client.get(f"/reports/{run.pk}/download.xlsx").status_code == 200
    assert client.get(f"/reports/{run.pk}/").status_code == 200


def test_evaluation_case_report(central_hr, entity, django_capture_on_commit_callbacks):
    for _ in range(2):
        EvaluationFactory(
            staff=StaffFactory(entity=entity), evaluated_on=date(2026, 1, 5), rating=Evaluation.Rating.INSUFFICIENT
        )
    run = _run("deployability_evaluation_cases", central_hr, django_capture_on_commit_callbacks)
    assert run.result["rows"][0]["decision"] == 2


def test_report_queries_do_not_grow_with_the_data(entity, other_entity):
    def count():
        with CaptureQueriesContext(connection) as queries:
            redeployment_figures_per_entity()
            case_figures_per_entity()
        return len(queries)

    _placed(entity, 5)
    small = count()
    for _ in range(5):
        _placed(other_entity, 7)
        VacancyFactory()
    assert count() == small
