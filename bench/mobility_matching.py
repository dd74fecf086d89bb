"""Benchmark: the mobility marketplace's matching on PostgreSQL with 100,000 staff, 20,000 offers and
2,000 open requests, and the ranked-candidates page and API under gunicorn.

    .venv/bin/python bench/mobility_matching.py [--staff 100000] [--offers 20000] [--requests 2000]

Seeds `hrportal_bench_mob` with `seed_demo --staff N` if it is empty, tops the marketplace up to the
wanted number of active offers and open requests (bulk inserts), then measures: the full rematch (the
nightly job), the rematch after one new request (the incremental job), the queries of the candidates page
and API, and p50/p95 of both under 10 concurrent clients (gunicorn, 4 workers, on the same 2 cores).
Writes bench/results/mobility_matching.json. Goals: full rematch < 60 s, one new request < 1 s,
page p95 < 200 ms.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import staff_directory as sd  # reuse the directory benchmark's helpers

ROOT = sd.ROOT
DB = os.environ.get("BENCH_MOB_DB", "hrportal_bench_mob")

SETUP = """
import django, json, random, time
django.setup()
from django.db import connection, transaction
from django.utils import timezone
from hrportal.models import Competency, Staff, User
from mobility.marketplace.demo import make_offers, make_requests
from mobility.models import TalentOffer, TalentRequest
rng = random.Random(7)
today = timezone.localdate()
competencies = list(Competency.objects.values_list("pk", flat=True))
started = time.monotonic()
with transaction.atomic():
    missing = OFFERS - TalentOffer.objects.filter(status="active", end__gte=today).count()
    if missing > 0:
        taken = set(TalentOffer.objects.values_list("staff_id", flat=True))
        rows = [r for r in Staff.objects.filter(is_active=True, user__isnull=True).values_list("id", "entity_id")
                if r[0] not in taken]
        make_offers(rng=rng, staff_rows=rows, competencies=competencies, today=today, count=missing)
    open_requests = TalentRequest.objects.filter(status="open", end__gte=today)
    surplus = list(open_requests.exclude(owner__user__username="bench-requester").order_by("id")
                   .values_list("id", flat=True)[: max(open_requests.count() - REQUESTS, 0)])
    TalentRequest.objects.filter(pk__in=surplus).update(status="closed")  # the demo's own requests may exceed it
    missing = REQUESTS - open_requests.count()
    if missing > 0:
        owners = list(Staff.objects.filter(is_active=True, reports__isnull=False).distinct()
                      .values_list("id", "entity_id"))
        make_requests(rng=rng, owners=owners, competencies=competencies, today=today, count=missing)
    # the benchmark's requester: a user owning ten requests, to load their candidates pages
    owner = Staff.objects.filter(is_active=True, user__isnull=True, reports__isnull=False).order_by("id").first()
    if not User.objects.filter(username="bench-requester").exists():
        user = User(username="bench-requester", email="bench@vlaanderen.example")
        user.set_password("demo")
        user.save()
        Staff.objects.filter(pk=owner.pk).update(user=user)
        make_requests(rng=rng, owners=[(owner.id, owner.entity_id)], competencies=competencies, today=today, count=10)
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")
print(json.dumps({
    "topup_seconds": round(time.monotonic() - started, 1),
    "active_offers": TalentOffer.objects.filter(status="active", end__gte=today).count(),
    "open_requests": TalentRequest.objects.filter(status="open", end__gte=today).count(),
}))
"""

MATCHING = """
import django, json, statistics, time
django.setup()
from datetime import timedelta
from django.db import transaction
from django.utils import timezone
from hrportal.models import Competency, Staff, User
from mobility.models import Match, TalentRequest, TalentRequestCompetency
from mobility.marketplace.matching import match_rematch_all, match_refresh_requests
full = []
for _ in range(RUNS):
    started = time.perf_counter()
    result = match_rematch_all()
    full.append(round(time.perf_counter() - started, 2))
owner = User.objects.get(username="bench-requester").staff
comps = list(Competency.objects.order_by("pk").values_list("pk", flat=True))
today = timezone.localdate()
one = []
for n in range(5):
    with transaction.atomic():
        item = TalentRequest.objects.create(
            owner=owner, entity_id=owner.entity_id, title=f"Bench {n}", description="bench", time_share_percent=20,
            start=today + timedelta(days=20), end=today + timedelta(days=140), closing_date=today + timedelta(days=10))
        picks = [(comps[(3 * n) % len(comps)], 3, True), (comps[(3 * n + 7) % len(comps)], 2, True),
                 (comps[(3 * n + 11) % len(comps)], 2, False)]
        TalentRequestCompetency.objects.bulk_create([
            TalentRequestCompetency(request=item, competency_id=c, level=lvl, required=req) for c, lvl, req in picks
        ])
    started = time.perf_counter()
    kept = match_refresh_requests(request_ids=[item.pk])
    one.append({"seconds": round(time.perf_counter() - started, 3), "matches": kept})
ids = list(TalentRequest.objects.filter(owner=owner, matches__isnull=False).distinct().values_list("pk", flat=True))
print(json.dumps({"full_rematch_seconds": full, "full_rematch": result, "one_new_request": one,
                  "match_rows": Match.objects.count(), "request_ids": ids}))
"""

QUERIES = """
import django, json
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hrportal.models import User
client = Client()
client.force_login(User.objects.get(username="bench-requester"))
counts = {}
for url in URLS:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    counts[url] = len(ctx.captured_queries)
print(json.dumps(counts))
"""


def django_script(code: str, **values) -> dict:
    env = {**sd.env_for(DB), "DJANGO_SETTINGS_MODULE": "hrportal.settings", "ALLOWED_HOSTS": "testserver"}
    prelude = "".join(f"{name} = {value!r}\n" for name, value in values.items())
    result = subprocess.run(
        [sys.executable, "-c", prelude + code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise SystemExit(result.stderr[-4000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def candidate_urls(request_ids: list[int]) -> list[str]:
    urls = []
    for rid in request_ids[:8]:
        urls += [
            f"/mobility/marketplace/requests/{rid}/candidates/",
            f"/api/mobility/marketplace/requests/{rid}/candidates/",
        ]
    rid = request_ids[0]
    urls += [
        f"/mobility/marketplace/requests/{rid}/candidates/?page=2",
        f"/mobility/marketplace/requests/{rid}/candidates/?min_share=30",
        f"/api/mobility/marketplace/requests/{rid}/candidates/?q=an",
    ]
    return urls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--load-requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()

    started = time.monotonic()
    seed_seconds = sd.ensure_database(DB, args.staff)
    print(f"seeded in {seed_seconds} s" if seed_seconds else "database already seeded", flush=True)
    setup = django_script(SETUP, OFFERS=args.offers, REQUESTS=args.requests)
    print("market:", setup, flush=True)
    matching = django_script(MATCHING, RUNS=args.runs)
    print("matching:", {k: v for k, v in matching.items() if k != "request_ids"}, flush=True)
    urls = candidate_urls(matching["request_ids"])
    counts = django_script(QUERIES, URLS=urls)

    sd.URLS[:] = urls  # sd.load() walks its module's URL list
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hrportal.wsgi", "--bind", f"127.0.0.1:{sd.PORT}", "--workers",
         str(args.workers), "--log-level", "warning"],
        cwd=ROOT,
        env=sd.env_for(DB),
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{sd.PORT}"
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{base}/healthz").read()
                break
            except OSError:
                time.sleep(0.5)
        sd.load(base, "bench-requester", 2, 40)  # warm-up
        load = sd.load(base, "bench-requester", args.clients, args.load_requests)
    finally:
        server.terminate()
        server.wait(timeout=20)

    one = [r["seconds"] for r in matching["one_new_request"]]
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores",
        "database": DB,
        "staff": args.staff,
        "market": setup,
        "seed_seconds": seed_seconds,
        "full_rematch_seconds": matching["full_rematch_seconds"],
        "full_rematch": matching["full_rematch"],
        "match_rows": matching["match_rows"],
        "one_new_request_seconds": one,
        "one_new_request_matches": [r["matches"] for r in matching["one_new_request"]],
        "queries_per_request": counts,
        "clients": args.clients,
        "gunicorn_workers": args.workers,
        "load": load,
        "goals": {
            "full_rematch_under_60_s": max(matching["full_rematch_seconds"]) < 60,
            "one_new_request_under_1_s": max(one) < 1,
            "page_p95_under_200_ms": load["page"]["p95_ms"] < 200,
        },
        "total_seconds": round(time.monotonic() - started),
    }
    out = ROOT / "bench" / "results" / "mobility_matching.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
