"""The admin lists every marketplace model; the demo gives each demo user something to see."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from hrportal.models import User
from mobility.marketplace import services as svc
from mobility.marketplace.matching import match_rematch_all
from mobility.models import Assignment, Match, TalentApplication, TalentOffer
from tests.mobility.marketplace.factories import TalentApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["talentoffer", "talentrequest", "match", "talentapplication", "assignment"])
def test_admin_changelist_and_search_work(admin_user, offer, talent_request, model):
    match_rematch_all()
    TalentApplicationFactory(request=talent_request, offer=offer)
    client = Client()
    client.force_login(admin_user)
    assert client.get(f"/admin/mobility/{model}/").status_code == 200
    assert client.get(f"/admin/mobility/{model}/", {"q": "x"}).status_code == 200


def test_a_match_left_by_a_deleted_offer_is_hidden_and_the_next_rematch_deletes_it(admin_user, offer, talent_request):
    """Match rows have no foreign-key constraint in the database (see `Match`): a job that read an offer
    deleted before it committed leaves a row pointing nowhere. No list, page or admin view may show it or
    fail on it, and the next full rematch removes it."""
    match_rematch_all()
    match = Match.objects.get()
    gone = TalentOffer.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000
    Match.objects.filter(pk=match.pk).update(offer_id=gone)  # as a job that raced the deletion would write
    client = Client()
    client.force_login(admin_user)
    listed = client.get("/admin/mobility/match/")
    assert listed.status_code == 200 and gone not in [m.offer_id for m in listed.context["cl"].result_list]
    assert client.get(f"/admin/mobility/match/{match.pk}/change/").status_code == 302  # "does not exist"
    client.force_login(talent_request.owner.user)
    page = client.get(f"/mobility/marketplace/requests/{talent_request.pk}/candidates/")
    assert page.status_code == 200 and list(page.context["page_obj"]) == []
    match_rematch_all()
    assert list(Match.objects.values_list("offer_id", flat=True)) == [offer.pk]


def test_seed_demo_gives_the_demo_users_a_marketplace():
    call_command("seed_demo", staff=300)
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    staff = users["demo-staff"].staff
    offer = TalentOffer.objects.get(staff=staff)
    assert Match.objects.filter(offer=offer).exists()
    assert Assignment.objects.filter(staff=staff).exists()
    waiting = TalentApplication.objects.get(offer=offer, status=TalentApplication.Status.AWAITING_CONSENT)
    client = Client()
    client.force_login(users["demo-manager"])
    assert waiting in client.get("/mobility/marketplace/applications/").context["consent"]
    client.force_login(users["demo-central"])
    assert client.get("/mobility/marketplace/market/").context["counts"]["active_offers"] > 10


def test_refusal_mail_tells_provider_and_requester_the_reason(
    offer, talent_request, line_manager, django_capture_on_commit_callbacks
):
    application = TalentApplicationFactory(request=talent_request, offer=offer)
    with django_capture_on_commit_callbacks(execute=True):
        svc.application_refuse(actor=line_manager.user, application_id=application.pk, reason="Te druk in het team")
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {offer.staff.email, talent_request.owner.email}
    assert all("Te druk in het team" in message.body for message in mail.outbox)
    assert all(f"/mobility/marketplace/applications/{application.pk}/" in message.body for message in mail.outbox)
