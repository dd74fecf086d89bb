"""Central HR creates networks and plans sessions on pages and through the API (issue 10, item 5)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from deployability.networks import services
from deployability.networks.models import LearningNetwork, NetworkSession
from hrportal.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    return LearningNetwork.objects.create(name="Talent", theme=LearningNetwork.Theme.TALENT)


def test_central_hr_creates_a_network_on_the_page(client, central_hr):
    client.force_login(central_hr)
    assert (
        reverse("deployability:networks-create") in client.get(reverse("deployability:networks-index")).content.decode()
    )
    response = client.post(
        reverse("deployability:networks-create"), {"name": "Zin? Ja! Gent", "theme": "zin_ja", "description": "Gent"}
    )
    network = LearningNetwork.objects.get(name="Zin? Ja! Gent")
    assert response.status_code == 302 and response.url == reverse("deployability:networks-detail", args=[network.pk])
    assert AuditEvent.objects.filter(action="deployability.networks.created").exists()
    again = client.post(reverse("deployability:networks-create"), {"name": "zin? ja! gent", "theme": "zin_ja"})
    assert again.status_code == 400 and "bestaat al" in again.content.decode()


def test_central_hr_plans_a_session_today_not_yesterday(client, central_hr, network):
    client.force_login(central_hr)
    url = reverse("deployability:networks-session-create", args=[network.pk])
    assert url in client.get(reverse("deployability:networks-detail", args=[network.pk])).content.decode()
    today = timezone.localdate()
    refused = client.post(url, {"title": "Kick-off", "on": today - timedelta(days=1), "capacity": 20})
    assert refused.status_code == 400 and not NetworkSession.objects.exists()
    response = client.post(url, {"title": "Kick-off", "on": today, "place": "Brussel", "capacity": 20})
    assert response.status_code == 302
    session = NetworkSession.objects.get()
    assert (session.on, session.capacity, session.place) == (today, 20, "Brussel")


@pytest.mark.parametrize(("capacity", "ok"), [(0, False), (1, True), (1000, True), (1001, False)])
def test_places_from_1_to_1000(central_hr, network, capacity, ok):
    on = timezone.localdate() + timedelta(days=3)
    if ok:
        assert services.session_plan(actor=central_hr, network_id=network.pk, title="S", on=on, capacity=capacity)
    else:
        with pytest.raises(ValidationError) as error:
            services.session_plan(actor=central_hr, network_id=network.pk, title="S", on=on, capacity=capacity)
        assert "capacity" in error.value.message_dict


def test_no_session_for_an_inactive_network(central_hr, network):
    network.is_active = False
    network.save()
    with pytest.raises(ValidationError):
        services.session_plan(actor=central_hr, network_id=network.pk, title="S", on=timezone.localdate(), capacity=5)


def test_others_get_404_on_the_pages_and_the_api(client, hr_officer, staff_member, network):
    for user in (hr_officer, staff_member.user):
        client.force_login(user)
        assert client.get(reverse("deployability:networks-create")).status_code == 404
        assert client.get(reverse("deployability:networks-session-create", args=[network.pk])).status_code == 404
        assert client.post("/api/deployability/networks/", {"name": "X", "theme": "talent"}).status_code == 404
        assert (
            client.post(
                f"/api/deployability/networks/{network.pk}/sessions/",
                {"title": "X", "on": timezone.localdate().isoformat(), "capacity": 3},
            ).status_code
            == 404
        )
        with pytest.raises(PermissionDenied):
            services.network_create(actor=user, name="X", theme="talent")
    assert LearningNetwork.objects.count() == 1 and not NetworkSession.objects.exists()


def test_the_api_creates_and_plans_with_field_errors(client, central_hr, network):
    client.force_login(central_hr)
    created = client.post("/api/deployability/networks/", {"name": "Talent 2", "theme": "talent"})
    assert created.status_code == 201 and created.json()["name"] == "Talent 2"
    duplicate = client.post("/api/deployability/networks/", {"name": "TALENT", "theme": "talent"})
    assert duplicate.status_code == 400 and "name" in duplicate.json()
    url = f"/api/deployability/networks/{network.pk}/sessions/"
    past = client.post(url, {"title": "S", "on": "2020-01-01", "capacity": 3})
    assert past.status_code == 400 and "on" in past.json()
    planned = client.post(url, {"title": "S", "on": timezone.localdate().isoformat(), "capacity": 3})
    assert planned.status_code == 201 and planned.json()["capacity"] == 3
