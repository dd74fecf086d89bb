"""Sign-in, sessions, admin and API tokens hardened (issue 14 §5, OWASP ASVS 5.0 level 2 as yardstick)."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _login(client, username, password, path="/login/", **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def test_login_locks_the_account_after_five_failures_even_with_the_right_password(staff_member, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "member", "wrong").status_code == 200  # the form again, with its error
    # the limit is reached on this failure; from now on even the right password is refused
    response = _login(client, "member", "wrong")
    assert response.status_code == 429
    response = _login(client, "member", "pw")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Aanmelden tijdelijk geblokkeerd" in page
    assert "Probeer het opnieuw over 15 minuten" in page
    assert "_auth_user_id" not in client.session


def test_four_failures_then_the_right_password_signs_in(staff_member, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "member", "wrong")
    assert _login(client, "member", "pw").status_code == 302
    assert "_auth_user_id" in client.session


def test_lockout_per_account_holds_from_another_address(staff_member, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), "member", "wrong", REMOTE_ADDR=f"10.0.0.{i + 1}")
    assert _login(Client(), "member", "pw", REMOTE_ADDR="10.0.1.1").status_code == 429


def test_lockout_per_address_holds_for_other_accounts(staff_member, colleague, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(Client(), f"guess{i}", "wrong", REMOTE_ADDR="10.9.9.9")
    assert _login(Client(), "member", "pw", REMOTE_ADDR="10.9.9.9").status_code == 429
    assert _login(Client(), "member", "pw", REMOTE_ADDR="10.9.9.10").status_code == 302


def test_lockout_ends_after_the_cool_off(staff_member, settings):
    from axes.models import AccessAttempt

    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "member", "wrong")
    assert _login(client, "member", "pw").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1))
    assert _login(client, "member", "pw").status_code == 302


def test_admin_login_is_locked_out_too(admin_user, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "root", "wrong", path="/admin/login/")
    response = _login(client, "root", "pw", path="/admin/login/")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_admin_answers_404_to_a_signed_in_person_without_staff_status(staff_member, admin_user):
    client = Client()
    client.force_login(staff_member.user)
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    admin = Client()
    admin.force_login(admin_user)
    assert admin.get("/admin/").status_code == 200


def test_session_ends_after_the_idle_time(staff_member, settings):
    client = Client()
    assert _login(client, "member", "pw").status_code == 302
    assert client.get("/").status_code == 200
    session = client.session
    assert session.get_expiry_age() == settings.SESSION_IDLE_MINUTES * 60
    # idle for longer than the limit: the stored session has expired
    from django.contrib.sessions.models import Session

    Session.objects.filter(session_key=session.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    # sessions are read through the cache (cached_db), whose copy expires at the same moment
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.core.cache import cache

    cache.delete(KEY_PREFIX + session.session_key)
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_request_renews_the_session_expiry(staff_member, settings):
    from django.contrib.sessions.models import Session

    client = Client()
    _login(client, "member", "pw")
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + timedelta(minutes=5))
    session = client.session
    session["_seen"] = 0  # the last renewal was long ago
    session.save()
    client.get("/")
    expiry = Session.objects.get(session_key=key).expire_date
    assert expiry > timezone.now() + timedelta(minutes=settings.SESSION_IDLE_MINUTES - 1)


def test_api_token_is_created_from_the_session_stored_hashed_and_works(staff_member):
    client = APIClient(enforce_csrf_checks=False)
    client.force_login(staff_member.user)
    response = client.post("/api/auth/token/")
    assert response.status_code == 200
    token = response.json()["token"]
    stored = AuthToken.objects.get(user=staff_member.user)
    assert token not in (stored.digest, stored.token_key)  # only a digest and a short prefix are kept
    assert len(stored.digest) == 128  # SHA-512
    assert stored.expiry is not None
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/staff/me/").json()["id"] == staff_member.pk


def _token_for(user, **kwargs):
    _instance, token = AuthToken.objects.create(user=user, expiry=kwargs.get("expiry", timedelta(hours=1)))
    return _instance, token


def test_bad_token_answers_401_with_the_scheme(staff_member):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + "x" * 64)
    response = api.get("/api/staff/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_expired_token_answers_401(staff_member):
    instance, token = _token_for(staff_member.user)
    AuthToken.objects.filter(pk=instance.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/staff/me/").status_code == 401


def test_revoked_token_answers_401(staff_member):
    _instance, token = _token_for(staff_member.user)
    _other, second = _token_for(staff_member.user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.post("/api/auth/logout/").status_code == 204
    assert api.get("/api/staff/me/").status_code == 401
    other = APIClient()
    other.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert other.get("/api/staff/me/").status_code == 200
    assert other.post("/api/auth/logoutall/").status_code == 204
    assert other.get("/api/staff/me/").status_code == 401
    assert not AuthToken.objects.filter(user=staff_member.user).exists()


def test_a_token_cannot_create_another_token(staff_member):
    _instance, token = _token_for(staff_member.user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.post("/api/auth/token/").status_code in (401, 403)


def test_api_is_throttled_per_user(staff_member, settings):
    from rest_framework.throttling import SimpleRateThrottle

    original = SimpleRateThrottle.THROTTLE_RATES
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "3/minute"},
    }
    SimpleRateThrottle.THROTTLE_RATES = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    try:
        api = APIClient()
        api.force_authenticate(staff_member.user)
        codes = [api.get("/api/staff/me/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original


def test_api_refuses_a_body_over_the_limit_with_413(staff_member, settings):
    settings.API_MAX_BODY_BYTES = 1000
    api = APIClient()
    api.force_authenticate(staff_member.user)
    response = api.post("/api/reports/", {"kind": "x" * 2000}, format="json")
    assert response.status_code == 413


def _start_settings(**values) -> subprocess.CompletedProcess:
    """Import the settings in a fresh process with only these variables (as a server starting up)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "OIDC_", "DEBUG", "DATABASE_URL"))}
    env.update(values, SECRET_KEY="x" * 50)
    code = "import hrportal.settings as s; print(s.CELERY_TASK_ALWAYS_EAGER)"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True)


def test_production_settings_refuse_to_start_without_a_broker():
    started = _start_settings(DEBUG="false")
    assert started.returncode != 0
    assert "CELERY_BROKER_URL must be set" in started.stderr


def test_production_settings_start_with_a_broker_or_explicit_in_process_jobs():
    assert _start_settings(DEBUG="false", CELERY_BROKER_URL="redis://127.0.0.1:6379/0").stdout.strip() == "False"
    assert _start_settings(DEBUG="false", CELERY_TASK_ALWAYS_EAGER="true").stdout.strip() == "True"
    assert _start_settings(DEBUG="true").stdout.strip() == "True"


def test_oidc_configuration_needs_the_provider_endpoints():
    started = _start_settings(DEBUG="true", OIDC_RP_CLIENT_ID="portal")
    assert started.returncode != 0 and "OIDC_OP_AUTHORIZATION_ENDPOINT" in started.stderr


def test_a_worker_refuses_to_start_without_a_broker(settings):
    from hrportal.celery import _refuse_without_broker

    settings.CELERY_BROKER_URL = ""
    with pytest.raises(RuntimeError, match="CELERY_BROKER_URL"):
        _refuse_without_broker()
