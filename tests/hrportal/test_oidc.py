"""Issue 14 §5: sign-in through the organisation's OpenID Connect provider, tested against a small real
provider started here (an HTTP server on loopback issuing RS256-signed ID tokens and publishing its keys),
with the portal's real configuration and mozilla-django-oidc's real code paths — nothing mocked."""

import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

pytestmark = pytest.mark.django_db

CLIENT_ID, CLIENT_SECRET = "hrportal", "s3cret-of-the-portal"


class Provider:
    """A minimal OpenID Connect provider (authorization code flow) that signs in whoever it is told to."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.signing_key = self.key  # a test may sign with another key than the published one
        self.codes: dict[str, dict] = {}
        self.next_person = {"preferred_username": "member", "email": "member@example.org"}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, body, status=200):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/authorize":
                    if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
                        return self._json({"error": "invalid_request"}, 400)
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = {"nonce": query.get("nonce"), "redirect_uri": query["redirect_uri"]}
                    target = query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                elif url.path == "/jwks":
                    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(provider.key.public_key()))
                    self._json({"keys": [{**public, "kid": "k1", "use": "sig", "alg": "RS256"}]})
                elif url.path == "/userinfo":
                    if not self.headers.get("Authorization", "").startswith("Bearer at-"):
                        return self._json({"error": "invalid_token"}, 401)
                    self._json({"sub": "sub-" + provider.next_person["preferred_username"], **provider.next_person})
                else:
                    self._json({"error": "not_found"}, 404)

            def do_POST(self):
                form = {
                    k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()
                }
                if urlparse(self.path).path != "/token":
                    return self._json({"error": "not_found"}, 404)
                grant = provider.codes.pop(form.get("code"), None)
                if grant is None or form.get("client_secret") != CLIENT_SECRET:
                    return self._json({"error": "invalid_grant"}, 400)
                now = int(time.time())
                claims = {
                    "iss": provider.url,
                    "aud": CLIENT_ID,
                    "sub": "sub-" + provider.next_person["preferred_username"],
                    "iat": now,
                    "exp": now + 300,
                    "nonce": grant["nonce"],
                    **provider.next_person,
                }
                token = jwt.encode(claims, provider.signing_key, algorithm="RS256", headers={"kid": "k1"})
                self._json(
                    {"id_token": token, "access_token": "at-" + secrets.token_urlsafe(8), "token_type": "Bearer"}
                )

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider(settings):
    with Provider() as running:
        settings.OIDC_ENABLED = True
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = running.url + "/authorize"
        settings.OIDC_OP_TOKEN_ENDPOINT = running.url + "/token"
        settings.OIDC_OP_USER_ENDPOINT = running.url + "/userinfo"
        settings.OIDC_OP_JWKS_ENDPOINT = running.url + "/jwks"
        settings.OIDC_USE_PKCE = True
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "hrportal.auth_backends.OidcBackend"]
        yield running


def _sign_in(client: Client, next_url: str = "/staff/"):
    """The browser's part: to the portal, to the provider, back to the portal's callback."""
    start = client.get("/oidc/authenticate/", {"next": next_url})
    assert start.status_code == 302
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=5)
    assert at_provider.status_code == 302
    callback = urlparse(at_provider.headers["Location"])
    return client.get(callback.path + "?" + callback.query)


def test_login_page_offers_the_organisations_sign_in_when_configured(provider, client):
    page = client.get("/login/").content.decode()
    assert "/oidc/authenticate/" in page and 'name="password"' in page  # local accounts stay


def test_a_known_person_signs_in_through_the_provider(provider, staff_member):
    client = Client()
    response = _sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/staff/"
    assert int(client.session["_auth_user_id"]) == staff_member.user.pk
    assert client.get("/").status_code == 200


def test_someone_without_an_account_is_not_signed_in(provider, staff_member):
    provider.next_person = {"preferred_username": "stranger", "email": "stranger@example.org"}
    client = Client()
    response = _sign_in(client)
    assert response.status_code == 302 and "oidc=failed" in response["Location"]
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert 'role="alert"' in page


def test_a_token_not_signed_by_the_providers_published_key_is_refused(provider, staff_member):
    provider.signing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    client = Client(raise_request_exception=False)
    response = _sign_in(client)
    assert "_auth_user_id" not in client.session
    assert response.status_code in (302, 400, 403)


def test_a_deactivated_account_cannot_sign_in_through_the_provider(provider, staff_member):
    staff_member.user.is_active = False
    staff_member.user.save()
    client = Client()
    _sign_in(client)
    assert "_auth_user_id" not in client.session


def test_without_configuration_the_oidc_pages_do_not_exist(client, settings):
    settings.OIDC_ENABLED = False
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/").status_code == 404
    assert "/oidc/authenticate/" not in client.get("/login/").content.decode()
