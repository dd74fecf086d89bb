"""The crawl: every demo role, every page reachable from the main navigation and one level deeper, at
1280 and 320 px, in Dutch, under the Content-Security-Policy. New pages are covered as soon as they are
linked from the navigation or from a page linked there (docs/ui.md, "How a page gets into the crawl").

One seeded database and one browser for the whole crawl; a screenshot of every page, role and width in
test-artifacts/crawl/ (kept by CI)."""

import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import login
from tests.browser.crawl import AXE, ROOT, crawl_role
from tests.services import require

pytestmark = [pytest.mark.browser, pytest.mark.crawl, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(os.environ.get("HRPORTAL_CRAWL_ARTIFACTS", ROOT / "test-artifacts" / "crawl"))
ROLES = ["demo-staff", "demo-manager", "demo-hr", "demo-central", "demo-top", "admin"]


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", staff=300)
    return live_server.url


def test_every_role_every_page_passes_the_crawl(browser, demo_site):
    require(AXE.exists(), "axe-core (npm ci)")
    started = time.monotonic()
    failures, visited = [], 0
    for role in ROLES:
        role_visited, role_failures = crawl_role(browser, demo_site, role, ARTIFACTS, login=login)
        visited += role_visited
        failures += role_failures
    elapsed = time.monotonic() - started
    (ARTIFACTS / "problems.txt").write_text("\n".join(failures) + "\n")
    print(f"crawl: {visited} pages in {elapsed:.0f} s; screenshots in {ARTIFACTS}")
    assert not failures, f"{len(failures)} problems (also in {ARTIFACTS / 'problems.txt'}):\n" + "\n".join(failures)
