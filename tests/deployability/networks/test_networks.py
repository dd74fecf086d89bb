"""Learning networks: members, sessions within their places, practices read by members only, files
bounded in size (a parameter) and type."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from deployability.networks import services
from deployability.networks.models import LearningNetwork, NetworkSession, SharedPractice
from hrportal.models import PolicyParameter
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(db):
    return LearningNetwork.objects.create(name="Zin? Ja!", theme=LearningNetwork.Theme.ZIN_JA)


@pytest.fixture
def session(network):
    return NetworkSession.objects.create(
        network=network, title="Langer werken", on=timezone.localdate() + timedelta(days=7), capacity=2
    )


def _member(entity, network, name):
    staff = StaffFactory(entity=entity, with_user=True, user__username=name)
    services.network_join(actor=staff.user, network_id=network.pk)
    return staff


def test_capacity_exactly_filled_then_one_more_refused(entity, network, session):
    first, second, third = (_member(entity, network, n) for n in ("a", "b", "c"))
    services.session_register(actor=first.user, session_id=session.pk)
    services.session_register(actor=second.user, session_id=session.pk)  # the last place
    with pytest.raises(ValidationError) as error:
        services.session_register(actor=third.user, session_id=session.pk)
    assert "2" in error.value.messages[0]


def test_only_members_register_and_only_once(entity, network, session):
    outsider = StaffFactory(entity=entity, with_user=True)
    with pytest.raises(ValidationError):
        services.session_register(actor=outsider.user, session_id=session.pk)
    member = _member(entity, network, "m")
    services.session_register(actor=member.user, session_id=session.pk)
    with pytest.raises(ValidationError):
        services.session_register(actor=member.user, session_id=session.pk)


def test_a_past_session_takes_no_registration(entity, network):
    past = NetworkSession.objects.create(network=network, title="Voorbij", on=date(2024, 1, 1), capacity=5)
    member = _member(entity, network, "m")
    with pytest.raises(ValidationError):
        services.session_register(actor=member.user, session_id=past.pk)


def _pdf(size):
    return SimpleUploadedFile("praktijk.pdf", b"%PDF" + b"x" * (size - 4), content_type="application/pdf")


def test_file_at_the_size_limit_is_accepted_and_one_byte_more_refused(entity, network):
    member = _member(entity, network, "m")
    services.practice_share(actor=member.user, network_id=network.pk, title="T", text="Tekst", upload=_pdf(1024 * 1024))
    with pytest.raises(ValidationError) as error:
        services.practice_share(
            actor=member.user, network_id=network.pk, title="T", text="Tekst", upload=_pdf(1024 * 1024 + 1)
        )
    assert "file" in error.value.message_dict


def test_the_size_limit_is_a_parameter(entity, network, central_hr):
    PolicyParameter.objects.create(
        key="deployability.networks.practice_file_max_kb", value=10, valid_from=date(2020, 1, 1)
    )
    member = _member(entity, network, "m")
    with pytest.raises(ValidationError):
        services.practice_share(
            actor=member.user, network_id=network.pk, title="T", text="x", upload=_pdf(10 * 1024 + 1)
        )


@pytest.mark.parametrize(
    ("name", "content"),
    [("script.exe", b"MZ"), ("page.html", b"<html>"), ("fake.pdf", b"MZ not a pdf"), ("bad.txt", b"\xff\xfe\x00")],
)
def test_files_of_other_types_are_refused(entity, network, name, content):
    member = _member(entity, network, "m")
    with pytest.raises(ValidationError) as error:
        services.practice_share(
            actor=member.user, network_id=network.pk, title="T", text="x", upload=SimpleUploadedFile(name, content)
        )
    assert "file" in error.value.message_dict
    assert not SharedPractice.objects.exists()


def test_non_members_cannot_share(entity, network):
    outsider = StaffFactory(entity=entity, with_user=True)
    with pytest.raises(PermissionDenied):
        services.practice_share(actor=outsider.user, network_id=network.pk, title="T", text="x")


def test_members_read_practices_and_download_the_file_others_get_404(entity, other_entity, network):
    author = _member(entity, network, "author")
    reader = _member(other_entity, network, "reader")
    outsider = StaffFactory(entity=entity, with_user=True, user__username="nosy")
    practice = services.practice_share(
        actor=author.user, network_id=network.pk, title="Mentor 55+", text="Zo doen wij het", upload=_pdf(100)
    )
    client = Client()
    client.force_login(reader.user)
    assert "Zo doen wij het" in client.get(f"/deployability/networks/{network.pk}/").content.decode()
    response = client.get(f"/deployability/networks/practices/{practice.pk}/file/")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert client.get(f"/api/deployability/networks/{network.pk}/practices/").status_code == 200
    other = Client()
    other.force_login(outsider.user)
    assert "Zo doen wij het" not in other.get(f"/deployability/networks/{network.pk}/").content.decode()
    assert other.get(f"/deployability/networks/practices/{practice.pk}/file/").status_code == 404
    assert other.get(f"/api/deployability/networks/{network.pk}/practices/").status_code == 404


def test_pages_join_register_and_share(entity, network, session):
    staff = StaffFactory(entity=entity, with_user=True)
    client = Client()
    client.force_login(staff.user)
    assert client.get("/deployability/networks/").status_code == 200
    assert client.post(f"/deployability/networks/{network.pk}/join/").status_code == 302
    assert client.post(f"/deployability/networks/sessions/{session.pk}/register/").status_code == 302
    assert session.registrations.filter(staff=staff).exists()
    response = client.post(
        f"/deployability/networks/{network.pk}/",
        {"title": "T", "text": "x", "upload": SimpleUploadedFile("a.exe", b"MZ")},
    )
    assert response.status_code == 400 and "govuk-error-summary" in response.content.decode()
    response = client.post(f"/deployability/networks/{network.pk}/", {"title": "T", "text": "Goede praktijk"})
    assert response.status_code == 302
    api = client.post(
        f"/api/deployability/networks/{network.pk}/practices/",
        {"title": "T2", "text": "Via API", "file": SimpleUploadedFile("n.txt", b"notitie")},
    )
    assert api.status_code == 201, api.content
    assert client.post(f"/deployability/networks/{network.pk}/explode/").status_code == 404
