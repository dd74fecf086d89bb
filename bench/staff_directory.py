"""Benchmark: the staff-directory page and its API on PostgreSQL with 100,000 staff under gunicorn.

    .venv/bin/python bench/staff_directory.py [--staff 100000] [--clients 10] [--requests 400] [--fresh]

Seeds two databases (1,000 and N staff) if they are empty (`--fresh` drops them first, so the seeding
is timed), counts queries per request on both, then serves the large one with gunicorn and measures
p50/p95 and requests/s under concurrent clients, each client its own process, logged in before the clock
starts; and the same clients on /healthz, the serving floor the p95s are printed against.
Writes bench/results/staff_directory.json and prints a table. Goal: p95 < 150 ms, same query count.
"""

import argparse
import contextlib
import http.cookiejar
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PORT = int(os.environ.get("BENCH_PORT", "8765"))


def env_for(db_name: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db_name}",
        "SECRET_KEY": "bench",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_MANIFEST": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SESSION_COOKIE_SECURE": "false",
        "PYTHONWARNINGS": "ignore::UserWarning",
        "LOG_LEVEL": "WARNING",
        # no broker in the benchmark: jobs run in-process (production settings refuse to guess)
        "CELERY_TASK_ALWAYS_EAGER": "true",
    }


def machine_record(staff: int, load_before, uptime_before: str = "") -> dict:
    """The head of a results file: when (UTC), the machine, the size, and its load before and now."""
    return {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": "2 cores",
        "staff": staff,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "uptime_before": uptime_before,
        "uptime_after": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
    }


def manage(db_name: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env_for(db_name), capture_output=True, text=True, check=True
    )
    return result.stdout


def drop_database(db_name: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')


def ensure_database(db_name: str, staff: int, seed_args: tuple = ()) -> float | None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name]).fetchone():
            conn.execute(f'CREATE DATABASE "{db_name}"')
    manage(db_name, "migrate", "--noinput", "-v0")
    started = time.monotonic()
    out = manage(db_name, "seed_demo", "--staff", str(staff), "--if-empty", *seed_args)
    return None if "nothing to do" in out else round(time.monotonic() - started, 1)


QUERY_COUNT_SCRIPT = """
import django, json
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hrportal.models import User
import statistics, time
client = Client()
client.force_login(User.objects.get(username=USERNAME))
counts, floor = {}, {}
for url in URLS:
    client.get(url)  # warm caches (sessions, content types)
    cache.clear()  # the worst case: a long list's count is not kept yet
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    counts[url] = len(ctx.captured_queries)
    # The floor: the time of the request's SQL alone, against the whole request, one at a time, warm.
    totals, sqls = [], []
    for _ in range(15):
        spent = [0.0]

        def timed(execute, sql, params, many, context, spent=spent):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent[0] += time.perf_counter() - started

        started = time.perf_counter()
        with connection.execute_wrapper(timed):
            client.get(url)
        totals.append(time.perf_counter() - started)
        sqls.append(spent[0])
    floor[url] = {
        "request_ms": round(statistics.median(totals) * 1000, 1),
        "sql_ms": round(statistics.median(sqls) * 1000, 1),
    }
print(json.dumps({"counts": counts, "floor": floor}))
"""

URLS = [
    "/staff/",
    "/staff/?q=peeters",
    "/staff/?q=an&level=A",
    "/staff/?page=3",
    "/staff/?tier=N-1",
    "/api/staff/",
    "/api/staff/?q=janssens",
    "/api/staff/?level=B&ordering=last_name",
]


def query_counts(db_name: str, urls: list[str], username: str = "demo-central") -> dict:
    """Queries per request of `urls` for `username`, and each request's time against its SQL's, in process."""
    env = {**env_for(db_name), "DJANGO_SETTINGS_MODULE": "hrportal.settings", "ALLOWED_HOSTS": "testserver"}
    script = f"URLS = {urls!r}\nUSERNAME = {username!r}\n" + QUERY_COUNT_SCRIPT
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


CANDIDATES_SCRIPT = """
import django
django.setup()
from django.db.models import Count
from mobility.models import TalentRequest
request = TalentRequest.objects.filter(status="open").annotate(n=Count("matches")).order_by("-n", "pk").first()
print(request.pk if request else "")
"""


def candidates_urls(db_name: str) -> list[str]:
    """The marketplace's candidates page and API of the open request with the most candidates (central HR)."""
    env = {**env_for(db_name), "DJANGO_SETTINGS_MODULE": "hrportal.settings"}
    out = subprocess.run(
        [sys.executable, "-c", CANDIDATES_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    if not out:
        return []
    pk = out.splitlines()[-1]
    return [f"/mobility/marketplace/requests/{pk}/candidates/", f"/api/mobility/marketplace/requests/{pk}/candidates/"]


def login(base: str, username: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"username": username, "password": "demo", "csrfmiddlewaretoken": token})
    request = urllib.request.Request(f"{base}/login/", data=data.encode(), headers={"Referer": f"{base}/login/"})
    opener.open(request).read()
    return opener


def _client(base: str, username: str, urls: list[str], offset: int, count: int, results, ready) -> None:
    opener = login(base, username)
    # Logging in hashes a password (PBKDF2, about half a second of CPU): every client does it before the
    # clock starts, or the first requests measured share the two cores with ten password hashes.
    ready.wait()
    timings = []
    for i in range(count):
        url = urls[(offset + i) % len(urls)]
        started = time.perf_counter()
        with opener.open(base + url) as response:
            response.read()
            assert response.status == 200
        timings.append((url, (time.perf_counter() - started) * 1000))
    results.put(timings)


def by_kind(url: str) -> str:
    return "api" if url.startswith("/api/") else "page"


def load(base: str, username: str, clients: int, total: int, urls: list[str] | None = None, group=by_kind) -> dict:
    """Each client is its own process (no shared GIL distorting the timings), logged in once, walking `urls`
    (this module's URLS by default). The timings are summed up per `group(url)`: page or API by default."""
    urls = URLS if urls is None else urls
    results = multiprocessing.Queue()
    ready = multiprocessing.Barrier(clients + 1)
    per_client = total // clients
    workers = [
        multiprocessing.Process(target=_client, args=(base, username, urls, n, per_client, results, ready))
        for n in range(clients)
    ]
    for w in workers:
        w.start()
    ready.wait()  # every client is logged in
    started = time.perf_counter()
    collected = [results.get() for _ in workers]
    wall = time.perf_counter() - started
    for w in workers:
        w.join()
    timings: dict[str, list[float]] = {"page": [], "api": []} if group is by_kind else {}
    for client_timings in collected:
        for url, elapsed in client_timings:
            timings.setdefault(group(url), []).append(elapsed)
    result = {}
    for kind, values in timings.items():
        if not values:
            continue
        values.sort()
        result[kind] = {
            "requests": len(values),
            "p50_ms": round(statistics.median(values), 1),
            "p95_ms": round(values[int(len(values) * 0.95) - 1], 1),
            "max_ms": round(values[-1], 1),
        }
    result["requests_per_s"] = round(sum(len(v) for v in timings.values()) / wall, 1)
    return result


@contextlib.contextmanager
def serve(db_name: str, workers: int, port: int = PORT):
    """gunicorn on `db_name` at 127.0.0.1:`port`, stopped on leaving; yields the base URL once it answers."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "hrportal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env_for(db_name),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(60):
            try:
                urllib.request.urlopen(f"{base}/healthz").read()
                break
            except OSError:
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="drop both databases first, so seeding is timed")
    args = parser.parse_args()

    small, large = "hrportal_bench_1k", f"hrportal_bench_{args.staff // 1000}k"
    if args.fresh:
        drop_database(small)
        drop_database(large)
    seed_small = ensure_database(small, 1000)
    seed_large = ensure_database(large, args.staff)
    candidates = {"1000": candidates_urls(small), str(args.staff): candidates_urls(large)}
    measured = {"1000": query_counts(small, URLS + candidates["1000"])}
    measured[str(args.staff)] = query_counts(large, URLS + candidates[str(args.staff)])
    # the candidates pages differ in their request id; compare their counts by position
    counts = {size: list(m["counts"].values()) for size, m in measured.items()}
    floor = measured[str(args.staff)]["floor"]

    with serve(large, args.workers) as base:
        load(base, "demo-central", 2, 40, URLS)  # warm-up
        # The serving floor: the same clients on the cheapest request the portal answers (/healthz: the
        # middleware, one `SELECT 1`, a small JSON answer), so a reader sees how much of a p95 is the stack.
        serving_floor = load(
            base, "demo-central", args.clients, args.requests, ["/healthz"], group=lambda _url: "healthz"
        )
        results = {role: load(base, role, args.clients, args.requests, URLS) for role in ("demo-central", "demo-hr")}
        if candidates[str(args.staff)]:
            results["candidates"] = load(
                base, "demo-central", args.clients, args.requests // 2, candidates[str(args.staff)]
            )

    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores",
        "staff": args.staff,
        "clients": args.clients,
        "gunicorn_workers": args.workers,
        "seed_seconds": {"1000": seed_small, str(args.staff): seed_large},
        "load_average_before": os.getloadavg(),
        "queries_per_request": measured,
        "floor_in_process": floor,
        "serving_floor": serving_floor,
        "load": results,
    }
    out = ROOT / "bench" / "results" / "staff_directory.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'viewer':<14}{'kind':<6}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for role, result in results.items():
        for kind in ("page", "api"):
            r = result[kind]
            print(f"{role:<14}{kind:<6}{r['requests']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}")
        print(f"{role:<14}requests/s: {result['requests_per_s']}")
    healthz = serving_floor["healthz"]
    print(
        f"serving floor (/healthz, same clients): p50 {healthz['p50_ms']} ms, p95 {healthz['p95_ms']} ms, "
        f"{serving_floor['requests_per_s']} requests/s"
    )
    for role, result in results.items():
        ratios = ", ".join(f"{kind} {result[kind]['p95_ms'] / healthz['p95_ms']:.1f}x" for kind in ("page", "api"))
        print(f"{role:<14}p95 against the serving floor: {ratios}")
    print(f"{'in process, one at a time':<40}{'request ms':>11}{'SQL ms':>8}{'ratio':>7}")
    for url, f in floor.items():
        ratio = f["request_ms"] / f["sql_ms"] if f["sql_ms"] else float("nan")
        print(f"{url[:40]:<40}{f['request_ms']:>11}{f['sql_ms']:>8}{ratio:>7.1f}")
    same = counts["1000"] == counts[str(args.staff)]
    print(f"queries per request, 1,000 vs {args.staff:,} staff: {'the same' if same else 'DIFFERENT'}")
    print(json.dumps(counts, indent=1))
    print(f"seed seconds: {report['seed_seconds']}; written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
