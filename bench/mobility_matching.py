"""Benchmark: the marketplace's matching on PostgreSQL against its in-memory floor.

    .venv/bin/python bench/mobility_matching.py [--offers 20000] [--requests 2000] [--runs 3] [--pages]

Seeds `hrportal_bench_mob` (`BENCH_MOB_DB`) with `seed_demo --staff 100000` if it is empty and sets the
marketplace to exactly the wanted number of active offers and open requests (bulk inserts; surplus ones
are closed, closed ones reopened first). Then, `--runs` times, each in a fresh process:

- the floor (`matching_floor.py`): the market in four queries and the kept scores computed in memory,
  nothing written; its rows are compared with the stored ones (they must be equal);
- the full rematch (`mobility.marketplace.matching.rematch`, load + rank + explanations + write, in its
  transaction) in three situations: nothing changed since the last one (a quiet night), after a day of
  changes (2% of offers with a changed level, 1% paused, last run's paused ones resumed, 1% of requests
  with a changed level), and on an empty match table (every row inserted);

and once: the refresh of one new and one changed request, and of one new, one changed and one paused
offer (the one in the most full lists: they are all ranked again), five of each. Before each timed
rematch the match table is vacuumed (untimed), as autovacuum would between two nightly runs. Peak RSS is the
process's high-water mark (`ru_maxrss`). Every figure comes with the load average at the time; the
machine is shared, so runs are repeated and medians reported. `--pages` adds the candidates page and API
under 10 clients (gunicorn). Writes bench/results/mobility_matching[-<offers>x<requests>].json.
Goals (issue 13): full rematch within 3x the floor at 20,000 x 2,000; under 30 s and 2 GB at
100,000 x 10,000; one changed request or offer under 200 ms.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
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


def exactly(model, live, wanted, parked):
    current = live.count()
    if current > wanted:
        surplus = list(live.order_by("-id").values_list("id", flat=True)[: current - wanted])
        model.objects.filter(pk__in=surplus).update(status="closed")
        return 0
    reopen = list(parked.order_by("id").values_list("id", flat=True)[: wanted - current])
    model.objects.filter(pk__in=reopen).update(status="active" if model is TalentOffer else "open")
    return wanted - current - len(reopen)


with transaction.atomic():
    # the benchmark's requester: a user owning ten requests, to load their candidates pages
    owner = Staff.objects.filter(is_active=True, user__isnull=True, reports__isnull=False).order_by("id").first()
    if not User.objects.filter(username="bench-requester").exists():
        user = User(username="bench-requester", email="bench@vlaanderen.example")
        user.set_password("demo")
        user.save()
        Staff.objects.filter(pk=owner.pk).update(user=user)
        make_requests(rng=rng, owners=[(owner.id, owner.entity_id)], competencies=competencies, today=today, count=10)
    offers = TalentOffer.objects.filter(status="active", end__gte=today)
    missing = exactly(TalentOffer, offers, OFFERS, TalentOffer.objects.filter(status="closed", end__gte=today))
    if missing > 0:
        taken = set(TalentOffer.objects.values_list("staff_id", flat=True))
        everyone = list(Staff.objects.filter(is_active=True, user__isnull=True).values_list("id", "entity_id"))
        rows = [r for r in everyone if r[0] not in taken]
        rows += rng.choices(everyone, k=max(missing - len(rows), 0))  # past one offer a person: a second one
        make_offers(rng=rng, staff_rows=rows, competencies=competencies, today=today, count=missing)
    requests = TalentRequest.objects.filter(status="open", end__gte=today, closing_date__gte=today)
    parked = TalentRequest.objects.filter(status="closed", end__gte=today, closing_date__gte=today)
    missing = exactly(TalentRequest, requests.exclude(owner__user__username="bench-requester"), REQUESTS - 10, parked)
    if missing > 0:
        owners = list(Staff.objects.filter(is_active=True, reports__isnull=False).distinct()
                      .values_list("id", "entity_id"))
        make_requests(rng=rng, owners=owners, competencies=competencies, today=today, count=missing)
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")
print(json.dumps({
    "topup_seconds": round(time.monotonic() - started, 1),
    "active_offers": TalentOffer.objects.filter(status="active", end__gte=today).count(),
    "open_requests": TalentRequest.objects.filter(status="open", end__gte=today, closing_date__gte=today).count(),
}))
"""

PRELUDE = """
import django, json, os, random, resource, statistics, sys, time
django.setup()
from datetime import timedelta
from django.db import connection, transaction
from django.utils import timezone
from hrportal.parameters.selectors import snapshot
from mobility.marketplace.matching import rematch, match_refresh_offers, match_refresh_requests
from mobility.models import Match, TalentOffer, TalentOfferCompetency, TalentRequest, TalentRequestCompetency
sys.path.insert(0, "bench")
import matching_floor
today = timezone.localdate()
values = snapshot(["mobility.marketplace.min_match_score", "mobility.marketplace.candidates_per_request"],
                  on=today)["values"]
MIN_SCORE, KEEP = int(values["mobility.marketplace.min_match_score"]), int(
    values["mobility.marketplace.candidates_per_request"])
def load():
    return round(os.getloadavg()[0], 2)
def vacuum():  # what autovacuum does between two nightly runs: dead rows of the last run reusable
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE mobility_match")
def peak_mb():
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
def cpu():  # this process's CPU seconds: less sensitive to the others' load than the wall clock
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
"""

FLOOR = (
    PRELUDE
    + """
vacuum()
started, cpu_started = time.perf_counter(), cpu()
with connection.cursor() as cursor:
    market = matching_floor.load(cursor.cursor, today)
loaded = time.perf_counter()
rows = matching_floor.compute(market, keep=KEEP, min_score=MIN_SCORE)
done, cpu_done = time.perf_counter(), cpu()
stored = set(Match.objects.values_list("request_id", "offer_id", "score"))
computed = set(zip(*(a.tolist() for a in rows)))
print(json.dumps({"load": round(loaded - started, 3), "compute": round(done - loaded, 3),
                  "total": round(done - started, 3), "python_cpu": round(cpu_done - cpu_started, 3),
                  "rows": len(computed),
                  "differences_from_stored": len(stored ^ computed), "loadavg": load(), "peak_rss_mb": peak_mb()}))
"""
)

ENGINE = (
    PRELUDE
    + """
rng = random.Random(RUN)
def timed():
    vacuum()
    before = load()
    started, cpu_started = time.perf_counter(), cpu()
    result = rematch()
    seconds = round(time.perf_counter() - started, 3)
    return {"seconds": seconds, "python_cpu": round(cpu() - cpu_started, 3), "phases": result.seconds,
            "matches": result.matches,
            "inserted": result.changes.inserted, "updated": result.changes.updated,
            "deleted": result.changes.deleted, "loadavg": [before, load()]}
out = {}
out["quiet"] = timed()
with transaction.atomic():  # a day of changes
    active = list(TalentOffer.objects.filter(status="active", end__gte=today).values_list("id", flat=True))
    TalentOffer.objects.filter(status="paused", title__startswith="Bench-paused").update(status="active", title="Bench")
    paused = rng.sample(active, len(active) // 100)
    TalentOffer.objects.filter(pk__in=paused).update(status="paused", title="Bench-paused")
    for oid in rng.sample(active, len(active) // 50):
        TalentOfferCompetency.objects.filter(pk=TalentOfferCompetency.objects.filter(offer_id=oid)
                                             .values("pk")[:1]).update(level=rng.randint(1, 4))
    requests = list(TalentRequest.objects.filter(status="open").values_list("id", flat=True))
    for rid in rng.sample(requests, len(requests) // 100):
        TalentRequestCompetency.objects.filter(pk=TalentRequestCompetency.objects.filter(request_id=rid)
                                               .values("pk")[:1]).update(level=rng.randint(1, 3))
out["after_changes"] = timed()
Match.objects.all().delete()
out["empty"] = timed()
out["peak_rss_mb"] = peak_mb()
print(json.dumps(out))
"""
)

REFRESH = (
    PRELUDE
    + """
from django.db.models import Count
from hrportal.models import Competency, User
rematch()
vacuum()
owner = User.objects.get(username="bench-requester").staff
comps = list(Competency.objects.order_by("pk").values_list("pk", flat=True))
def timed(job, **kwargs):
    started = time.perf_counter()
    kept = job(**kwargs)
    return {"seconds": round(time.perf_counter() - started, 3), "kept": kept, "loadavg": load()}
out = {"new_request": [], "changed_request": [], "new_offer": [], "changed_offer": [], "paused_offer": []}
created = []
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
    created.append(item.pk)
    out["new_request"].append(timed(match_refresh_requests, request_ids=[item.pk]))
    TalentRequestCompetency.objects.filter(request=item, required=True).update(level=2)
    out["changed_request"].append(timed(match_refresh_requests, request_ids=[item.pk]))
staff = list(TalentOffer.objects.filter(status="active").values_list("staff_id", flat=True)[:5])
for n, staff_id in enumerate(staff):
    with transaction.atomic():
        offer = TalentOffer.objects.create(staff_id=staff_id, title="Bench new", time_share_percent=50,
                                           start=today, end=today + timedelta(days=365))
        TalentOfferCompetency.objects.bulk_create([
            TalentOfferCompetency(offer=offer, competency_id=comps[(5 * n + k) % len(comps)], level=4)
            for k in range(4)])
    out["new_offer"].append(timed(match_refresh_offers, offer_ids=[offer.pk]))
    TalentOfferCompetency.objects.filter(offer=offer).update(level=3)
    out["changed_offer"].append(timed(match_refresh_offers, offer_ids=[offer.pk]))
    TalentOffer.objects.filter(pk=offer.pk).update(status="closed")
    match_refresh_offers(offer_ids=[offer.pk])
busiest = [row["offer_id"] for row in Match.objects.values("offer_id").annotate(n=Count("id")).order_by("-n")[:5]]
for oid in busiest:
    lists = Match.objects.filter(offer_id=oid).count()
    TalentOffer.objects.filter(pk=oid).update(status="paused")
    out["paused_offer"].append({**timed(match_refresh_offers, offer_ids=[oid]), "lists": lists})
    TalentOffer.objects.filter(pk=oid).update(status="active")
    match_refresh_offers(offer_ids=[oid])
TalentRequest.objects.filter(pk__in=created).update(status="closed")
match_refresh_requests(request_ids=created)
ids = list(TalentRequest.objects.filter(owner=owner, matches__isnull=False).distinct().values_list("pk", flat=True))
out["request_ids"] = ids
print(json.dumps(out))
"""
)

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


def pages(request_ids: list[int], *, clients: int, total: int, workers: int) -> dict:
    """The candidates page and API under concurrent clients (gunicorn on the same 2 cores)."""
    urls = candidate_urls(request_ids)
    counts = django_script(QUERIES, URLS=urls)
    sd.URLS[:] = urls  # sd.load() walks its module's URL list
    with sd.serve(DB, workers) as base:
        sd.load(base, "bench-requester", 2, 40)  # warm-up
        load = sd.load(base, "bench-requester", clients, total)
    return {"queries_per_request": counts, "clients": clients, "gunicorn_workers": workers, "load": load}


def median(values: list[float]) -> float:
    return round(statistics.median(values), 3)


def summary(floors: list[dict], engines: list[dict], refresh: dict) -> dict:
    floor = median([f["total"] for f in floors])
    floor_cpu = median([f["python_cpu"] for f in floors])
    out = {
        "floor_seconds": {k: median([f[k] for f in floors]) for k in ("load", "compute", "total", "python_cpu")},
        "rematch_seconds": {},
        "ratio_to_floor": {},
        "rematch_python_cpu_seconds": {},
        "cpu_ratio_to_floor": {},
        "rematch_phases_seconds": {},
    }
    for situation in ("quiet", "after_changes", "empty"):
        seconds = median([e[situation]["seconds"] for e in engines])
        out["rematch_seconds"][situation] = seconds
        out["ratio_to_floor"][situation] = round(seconds / floor, 2)
        out["rematch_python_cpu_seconds"][situation] = median([e[situation]["python_cpu"] for e in engines])
        out["cpu_ratio_to_floor"][situation] = round(out["rematch_python_cpu_seconds"][situation] / floor_cpu, 2)
        phases = engines[0][situation]["phases"]
        out["rematch_phases_seconds"][situation] = {p: median([e[situation]["phases"][p] for e in engines])
                                                    for p in phases}  # fmt: skip
    out["refresh_seconds"] = {
        kind: {"median": median([r["seconds"] for r in runs]), "max": max(r["seconds"] for r in runs)}
        for kind, runs in refresh.items()
        if kind != "request_ids"
    }
    out["peak_rss_mb"] = {"rematch": max(e["peak_rss_mb"] for e in engines),
                          "floor": max(f["peak_rss_mb"] for f in floors)}  # fmt: skip
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--offers", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", action="store_true", help="also load the candidates page and API")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--load-requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    started = time.monotonic()
    uptime = [subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()]
    seed_seconds = sd.ensure_database(DB, args.staff)
    print(f"seeded in {seed_seconds} s" if seed_seconds else "database already seeded", flush=True)
    setup = django_script(SETUP, OFFERS=args.offers, REQUESTS=args.requests)
    print("market:", setup, flush=True)
    django_script(PRELUDE + "rematch()\nprint('{}')")  # settle: the lists as they are after the top-up
    floors, engines = [], []
    for run in range(args.runs):
        floors.append(django_script(FLOOR))
        print(f"run {run + 1} floor:", floors[-1], flush=True)
        engines.append(django_script(ENGINE, RUN=run))
        print(f"run {run + 1} rematch:", engines[-1], flush=True)
    refresh = django_script(REFRESH)
    print("refresh:", {k: [r["seconds"] for r in v] for k, v in refresh.items() if k != "request_ids"}, flush=True)
    uptime.append(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores, shared (see uptime and loadavg)",
        "uptime": uptime,
        "database": DB,
        "staff": args.staff,
        "market": setup,
        "seed_seconds": seed_seconds,
        "runs": args.runs,
        **summary(floors, engines, refresh),
        "floor_runs": floors,
        "rematch_runs": engines,
        "refresh_runs": {k: v for k, v in refresh.items() if k != "request_ids"},
    }
    if args.pages:
        report["pages"] = pages(refresh["request_ids"], clients=args.clients, total=args.load_requests,
                                workers=args.workers)  # fmt: skip
    worst = max(report["rematch_seconds"].values())
    report["goals"] = {
        "rematch_within_3x_floor": max(report["ratio_to_floor"].values()) <= 3,
        "rematch_under_30_s": worst < 30,
        "peak_rss_under_2_gb": report["peak_rss_mb"]["rematch"] < 2048,
        "one_request_or_offer_under_200_ms": all(
            report["refresh_seconds"][k]["median"] < 0.2
            for k in ("new_request", "changed_request", "new_offer", "changed_offer")
        ),
        "floor_and_rematch_rows_equal": all(f["differences_from_stored"] == 0 for f in floors),
    }
    report["total_seconds"] = round(time.monotonic() - started)
    default = (args.offers, args.requests) == (20_000, 2_000)
    name = "mobility_matching.json" if default else f"mobility_matching-{args.offers}x{args.requests}.json"
    out = ROOT / "bench" / "results" / name
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps({k: report[k] for k in ("uptime", "market", "floor_seconds", "rematch_seconds",
                                             "ratio_to_floor", "rematch_python_cpu_seconds", "cpu_ratio_to_floor",
                                             "refresh_seconds", "peak_rss_mb", "goals")},
                     indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
