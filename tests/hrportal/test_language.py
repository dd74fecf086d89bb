import pytest
from django.test import Client

from hrportal.models import User

pytestmark = pytest.mark.django_db


def test_an_english_browser_gets_the_dutch_login_page():
    response = Client().get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl"' in response.content.decode()
    assert "Aanmelden" in response.content.decode()


def test_choosing_english_is_remembered_in_a_cookie_before_signing_in():
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/login/"})
    assert '<html lang="en"' in client.get("/login/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()


def test_a_signed_in_persons_choice_is_kept_on_the_account_and_follows_them(staff_member):
    client = Client()
    client.force_login(staff_member.user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert User.objects.get(pk=staff_member.user.pk).language == "en"
    # another device: no cookie, a Dutch browser — still English
    other = Client()
    other.force_login(staff_member.user)
    assert '<html lang="en"' in other.get("/", HTTP_ACCEPT_LANGUAGE="nl-BE").content.decode()


def test_an_unknown_language_falls_back_to_dutch(staff_member):
    client = Client()
    client.cookies["hrportal_language"] = "xx"
    assert '<html lang="nl"' in client.get("/login/").content.decode()


def test_the_content_security_policy_is_sent_without_unsafe_inline():
    policy = Client().get("/login/").headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_no_page_template_holds_an_inline_script_or_style():
    """The CSP would block them: every script and style is a file (docs/ui.md, "CSP")."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for template in root.glob("**/templates/**/*.html"):
        if any(part in template.parts for part in (".venv", "node_modules")):
            continue
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or "<style" in text or re.search(r'\sstyle="', text):
            offenders.append(str(template.relative_to(root)))
    assert offenders == []
