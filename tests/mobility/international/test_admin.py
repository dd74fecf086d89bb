import pytest
from django.test import Client

from tests.mobility.international.factories import ClaimFactory, DetachmentFactory, ExternalApplicantFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "mobilitycall",
    "mobilityapplication",
    "expenseclaim",
    "externalvacancy",
    "externalapplicant",
    "detachment",
]


def test_admin_lists_searches_and_opens_every_model(admin_user):
    claim = ClaimFactory()
    applicant = ExternalApplicantFactory()
    detachment = DetachmentFactory()
    ids = {
        "mobilitycall": claim.application.call_id,
        "mobilityapplication": claim.application_id,
        "expenseclaim": claim.pk,
        "externalvacancy": applicant.vacancy_id,
        "externalapplicant": applicant.pk,
        "detachment": detachment.pk,
    }
    client = Client()
    client.force_login(admin_user)
    for model in MODELS:
        listing = client.get(f"/admin/mobility/{model}/?q=a")
        assert listing.status_code == 200, model
        change = client.get(f"/admin/mobility/{model}/{ids[model]}/change/")
        assert change.status_code == 200, model


def test_decision_fields_are_read_only_in_the_admin(admin_user):
    claim = ClaimFactory()
    client = Client()
    client.force_login(admin_user)
    form = client.get(f"/admin/mobility/expenseclaim/{claim.pk}/change/").context["adminform"].form
    assert "reimbursed_amount" not in form.fields and "reimbursed_percent" not in form.fields
    form = client.get(f"/admin/mobility/mobilityapplication/{claim.application_id}/change/").context["adminform"].form
    assert "status" not in form.fields and "manager_decided_by" not in form.fields
