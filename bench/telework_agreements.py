"""Time the telework pages, inventory and an approval on a seeded database (set DATABASE_URL)."""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrportal.settings")
django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from hrportal.models import Staff, User  # noqa: E402
from telework.agreements.selectors import inventory_table  # noqa: E402
from telework.models import TeleworkAgreement  # noqa: E402


def timed(label, fn):
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - started
    print(f"{label:45s} {elapsed * 1000:8.0f} ms {len(queries):4d} queries")
    return result


print(f"{Staff.objects.count()} staff, {TeleworkAgreement.objects.count()} agreements ({connection.vendor})")
for username in ["demo-central", "demo-hr", "demo-manager", "demo-staff"]:
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(username=username))
    for url in [
        "/telework/",
        "/telework/agreements/",
        "/telework/occupancy/",
        "/telework/register/",
        "/telework/approvals/",
        "/api/telework/agreements/",
    ]:
        response = timed(f"{username} {url}", lambda url=url, client=client: client.get(url))
        assert response.status_code in (200, 404), (url, response.status_code)
timed("inventory_table (report build)", lambda: inventory_table(today=timezone.localdate()))


def approve_and_roll_back():
    from django.db import transaction

    from telework.agreements.services import telework_agreement_approve

    pending = TeleworkAgreement.objects.filter(status="requested", staff__user__username="demo-staff").first()
    manager = User.objects.get(username="demo-manager")
    with transaction.atomic():
        try:
            telework_agreement_approve(agreement_id=pending.pk, actor=manager)
        except Exception as error:  # the cap may refuse; the timing is what we measure
            print("  refused:", error)
        transaction.set_rollback(True)


timed("approve demo-staff's request (cap check)", approve_and_roll_back)
