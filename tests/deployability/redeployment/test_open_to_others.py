"""After its priority period without a placement a vacancy opens to others and to the mobility marketplace,
exactly once (issue 10, item 3)."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from deployability.models import Offer, Vacancy, VacancyCompetency
from deployability.redeployment.services import vacancies_open_to_others, vacancy_open_to_others
from deployability.redeployment.tasks import vacancies_open_to_others_daily
from hrportal.audit.models import AuditEvent
from hrportal.jobs.models import OutboxMessage
from hrportal.models import Competency
from mobility.models import TalentRequest
from tests.deployability.redeployment.factories import CandidateFactory, OfferFactory, VacancyFactory

pytestmark = pytest.mark.django_db
# the marketplace checks its dates against the real today: the priority period ends yesterday
DAY_AFTER = date.today()
LAST_DAY = DAY_AFTER - timedelta(days=1)


@pytest.fixture
def vacancy(entity, hr_officer):
    vacancy = VacancyFactory(entity=entity, priority_until=LAST_DAY, published_by=hr_officer)
    VacancyCompetency.objects.create(vacancy=vacancy, competency=Competency.objects.order_by("id").first(), level=3)
    return vacancy


def test_not_on_the_last_day_of_the_priority_period_then_once_the_day_after(vacancy, hr_officer):
    assert vacancies_open_to_others(today=LAST_DAY) == 0
    assert not TalentRequest.objects.exists()
    assert vacancies_open_to_others(today=DAY_AFTER) == 1
    assert vacancies_open_to_others(today=DAY_AFTER) == 0  # run twice: one request
    assert vacancy_open_to_others(vacancy_id=vacancy.pk, today=DAY_AFTER + timedelta(days=1)) is None
    request = TalentRequest.objects.get()
    vacancy.refresh_from_db()
    assert vacancy.marketplace_request == request and vacancy.opened_to_others_on == DAY_AFTER
    assert request.entity_id == vacancy.entity_id and request.owner.user == hr_officer
    assert request.status == TalentRequest.Status.OPEN and request.title == vacancy.title
    assert list(request.competencies.values_list("level", "required")) == [(3, True)]
    # mobility's own service ran: its matching is queued through the outbox
    assert OutboxMessage.objects.filter(
        task_name="mobility.marketplace.tasks.match_refresh_request", args=[request.pk]
    ).exists()
    assert AuditEvent.objects.filter(action="deployability.vacancy.opened_to_others").count() == 1
    assert AuditEvent.objects.filter(action="mobility.request.published").count() == 1


def test_the_vacancy_page_links_to_the_talent_request(client, vacancy, hr_officer, central_hr):
    vacancy_open_to_others(vacancy_id=vacancy.pk, today=DAY_AFTER)
    vacancy.refresh_from_db()
    client.force_login(hr_officer)
    page = client.get(reverse("deployability:redeployment-vacancy-detail", args=[vacancy.pk])).content.decode()
    assert reverse("mobility:request-detail", args=[vacancy.marketplace_request_id]) in page
    # the home page's recent audit describes the marketplace's event (its "competencies" is a reverse relation)
    client.force_login(central_hr)
    assert client.get("/").status_code == 200


def test_a_pending_offer_or_a_filled_post_keeps_it_from_the_marketplace(vacancy, staff_member):
    offer = OfferFactory(candidate=CandidateFactory(staff=staff_member), vacancy=vacancy)
    assert vacancies_open_to_others(today=DAY_AFTER) == 0
    offer.status = Offer.Status.REFUSED
    offer.save()
    Vacancy.objects.filter(pk=vacancy.pk).update(status=Vacancy.Status.FILLED)
    assert vacancies_open_to_others(today=DAY_AFTER) == 0
    assert not TalentRequest.objects.exists()


def test_without_required_competencies_it_opens_but_says_why_it_is_not_on_the_marketplace(entity, hr_officer):
    vacancy = VacancyFactory(entity=entity, priority_until=LAST_DAY, published_by=hr_officer)
    vacancies_open_to_others(today=DAY_AFTER)
    vacancy.refresh_from_db()
    assert vacancy.opened_to_others_on == DAY_AFTER and vacancy.marketplace_request is None
    assert vacancy.marketplace_note == Vacancy.MarketplaceNote.NO_COMPETENCIES
    assert not TalentRequest.objects.exists()


def test_the_daily_job_is_on_the_beat_through_the_outbox(vacancy):
    entry = settings.CELERY_BEAT_SCHEDULE["deployability-vacancies-open-to-others-daily"]
    assert entry["args"] == ("deployability.redeployment.tasks.vacancies_open_to_others_daily",)
    assert vacancies_open_to_others_daily() == 1
    assert vacancies_open_to_others_daily() == 0
    assert TalentRequest.objects.count() == 1
