"""Benchmark: mobile pools and innovation-climate pages and API on a seeded database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<your db> .venv/bin/python bench/telework_pools.py --staff 100000

Migrates and seeds the database when it is empty (seed_demo, which includes telework/demo.py), then
requests each page and endpoint as the demo user who uses it (Django test client, in process), counting
queries and timing the median of --repeat runs. Writes bench/results/telework_pools.json.
"""

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrportal.settings")
os.environ.setdefault("SECRET_KEY", "bench")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL", "").rstrip("/").endswith("/hrportal"):
        sys.exit("Refusing to seed the shared 'hrportal' database; point DATABASE_URL at your own.")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from hrportal.models import Staff
    from telework.models import ClimateResponse, ClimateRound, PoolMember, SupportRequest

    call_command("migrate", "--noinput", verbosity=0)
    seed_seconds = None
    if not Staff.objects.exists():
        started = time.monotonic()
        call_command("seed_demo", staff=args.staff)
        seed_seconds = round(time.monotonic() - started, 1)
    survey = ClimateRound.objects.order_by("-year").first()
    request = SupportRequest.objects.filter(status="open", pool__kind="coaches").first()
    cases = [
        ("demo-central", f"/telework/pools/requests/{request.pk}/"),
        ("demo-central", "/telework/pools/queue/"),
        ("demo-central", "/telework/pools/"),
        ("demo-staff", "/telework/pools/assignments/"),
        ("demo-central", f"/telework/climate/{survey.pk}/results/"),
        ("demo-hr", f"/telework/climate/{survey.pk}/results/"),
        ("demo-staff", "/telework/climate/"),
        ("demo-central", f"/api/telework/climate/rounds/{survey.pk}/results/"),
        ("demo-central", "/api/telework/pools/requests/"),
        ("demo-staff", "/"),
    ]
    rows = []
    clients = {}
    for username, url in cases:
        if username not in clients:
            from hrportal.models import User

            clients[username] = Client()
            clients[username].force_login(User.objects.get(username=username))
        client = clients[username]
        client.get(url)  # warm up
        timings = []
        for _ in range(args.repeat):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        rows.append(
            {"user": username, "url": url, "queries": len(queries), "median_ms": round(statistics.median(timings), 1)}
        )
    result = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "staff": Staff.objects.count(),
        "seed_seconds": seed_seconds,
        "pool_members": PoolMember.objects.count(),
        "climate_responses": ClimateResponse.objects.count(),
        "rows": rows,
    }
    out = ROOT / "bench" / "results" / "telework_pools.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result['staff']} staff, {result['climate_responses']} climate responses, seeded in {seed_seconds} s")
    for row in rows:
        print(f"{row['user']:13} {row['url']:50} {row['queries']:3} queries {row['median_ms']:8.1f} ms")


if __name__ == "__main__":
    main()
