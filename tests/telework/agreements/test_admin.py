import pytest
from django.test import Client
from django.utils import timezone

from tests.telework.agreements.conftest import MONDAY, approved_on
from tests.telework.agreements.factories import TeleworkExplanationFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_search_and_shows_both_models_read_only(admin_user, staff_member, entity):
    agreement = approved_on(staff_member, [MONDAY], start=timezone.localdate())
    record = TeleworkExplanationFactory(entity=entity)
    client = Client()
    client.force_login(admin_user)
    listing = client.get("/admin/telework/teleworkagreement/", {"q": staff_member.last_name, "status": "approved"})
    assert listing.status_code == 200 and staff_member.last_name in listing.content.decode()
    detail = client.get(f"/admin/telework/teleworkagreement/{agreement.pk}/change/")
    assert detail.status_code == 200 and 'name="status"' not in detail.content.decode()
    assert client.get("/admin/telework/teleworkexplanation/", {"q": entity.name}).status_code == 200
    assert client.get(f"/admin/telework/teleworkexplanation/{record.pk}/change/").status_code == 200
    assert client.get("/admin/telework/teleworkagreement/add/").status_code == 403


def test_pages_are_available_in_english(staff_member):
    client = Client()
    client.force_login(staff_member.user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/telework/"})
    page = client.get("/telework/").content.decode()
    assert "Ask for telework" in page and "My telework" in page
