"""Benchmark: the list pages of reward, deployability and leadership under 10 clients at 100,000 staff.

    .venv/bin/python bench/list_pages.py [--staff 100000] [--clients 10] [--requests 20] [--fresh]

Seeds `hrportal_bench_pages_1000` and `hrportal_bench_pages_<N>` with every app's demo data when empty
(`--fresh` drops them first), counts the queries of each list page at both sizes as the role that uses it
(Django test client, in process, with each request's SQL time against its whole time), then serves the
large database with gunicorn (staff_directory.py's harness) and sends `--clients` concurrent clients, one
process each, through each group's pages as that role. Prints p50/p95/max per page and writes
results/list_pages-<date>.json with the machine's load. Goals (issues 9-11): p95 under 150 ms with 10
clients, the same query count at 1,000 and N staff. Speed is measured here, never in tests.
"""

import argparse
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from staff_directory import ROOT, drop_database, ensure_database, load, query_counts, serve

PORT = int(os.environ.get("BENCH_PAGES_PORT", "8767"))
GOAL_MS = 150

# (goal, role, pages): each page is one the role reaches from the navigation and works with.
GROUPS = [
    (
        "reward",
        "demo-central",
        [
            "/reward/matrix/",
            "/reward/matrix/functions/",
            "/reward/labour-market/shortage/",
            "/reward/labour-market/allowances/",
            "/reward/pay-gap/",
            "/reward/upgrade/",
            "/reward/upgrade/published/",
        ],
    ),
    (
        "reward",
        "demo-manager",
        [
            "/reward/upgrade/expiring/",
            "/reward/upgrade/",
        ],
    ),
    (
        "reward",
        "demo-hr",
        [
            "/reward/upgrade/expiring/",
            "/reward/labour-market/allowances/",
            "/reward/experience/",
        ],
    ),
    (
        "deployability",
        "demo-hr",
        [
            "/deployability/redeployment/candidates/",
            "/deployability/redeployment/vacancies/",
            "/deployability/redeployment/offers/",
            "/deployability/redeployment/trajectories/",
            "/deployability/evaluations/",
            "/deployability/reintegration/",
            "/deployability/leave/requests/",
        ],
    ),
    (
        "deployability",
        "demo-central",
        [
            "/deployability/redeployment/candidates/",
            "/deployability/redeployment/vacancies/",
            "/deployability/redeployment/offers/",
            "/deployability/evaluations/",
            "/deployability/reintegration/",
            "/deployability/leave/requests/",
        ],
    ),
    (
        "deployability",
        "demo-manager",
        [
            "/deployability/redeployment/trajectories/",
            "/deployability/leave/approvals/",
            "/deployability/leave/calendar/",
        ],
    ),
    (
        "leadership",
        "demo-hr",
        [
            "/leadership/selection/",
            "/leadership/selection/probations/",
            "/leadership/potential/",
            "/leadership/potential/talent-pool/",
            "/leadership/development/",
            "/leadership/development/onboarding/",
            "/leadership/mentoring/",
            "/leadership/mentoring/mentees/",
        ],
    ),
    (
        "leadership",
        "demo-manager",
        [
            "/leadership/development/decisions/",
            "/leadership/development/onboarding/",
            "/leadership/selection/probations/",
        ],
    ),
    (
        "leadership",
        "demo-central",
        [
            "/leadership/selection/",
            "/leadership/potential/talent-pool/",
            "/leadership/mentoring/mentees/",
            "/leadership/top/mandates/",
            "/leadership/top/mandates/ending/",
            "/leadership/top/evaluations/",
            "/leadership/top/vacancies/",
            "/leadership/top/sessions/",
            "/leadership/monitoring/",
        ],
    ),
]


def _key(role: str, url: str) -> str:
    return f"{role} {url}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=20, help="requests per page and client")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="drop both databases first, so seeding is timed")
    parser.add_argument("--only", default="", help="measure only the groups of this app (reward, …)")
    parser.add_argument("--no-counts", action="store_true", help="skip the in-process query counts")
    args = parser.parse_args()

    groups = [g for g in GROUPS if not args.only or g[0] == args.only]
    small, large = "hrportal_bench_pages_1000", f"hrportal_bench_pages_{args.staff}"
    if args.fresh:
        drop_database(small)
        drop_database(large)
    uptime_before = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    seed = {"1000": ensure_database(small, 1000), str(args.staff): ensure_database(large, args.staff)}

    counts: dict[str, dict[str, int]] = {"1000": {}, str(args.staff): {}}
    floor: dict[str, dict] = {}
    if not args.no_counts:
        for _app, role, urls in groups:
            for size, db_name in (("1000", small), (str(args.staff), large)):
                measured = query_counts(db_name, urls, username=role)
                counts[size].update({_key(role, url): n for url, n in measured["counts"].items()})
                if db_name == large:
                    floor.update({_key(role, url): f for url, f in measured["floor"].items()})

    results: dict[str, dict] = {}
    load_average: dict[str, tuple] = {}
    with serve(large, args.workers, PORT) as base:
        load(base, "demo-central", 2, 20, ["/reward/matrix/", "/deployability/"])  # warm-up
        for app, role, urls in groups:
            load_average[f"{app} {role}"] = os.getloadavg()
            measured = load(base, role, args.clients, args.clients * args.requests * len(urls), urls, group=str)
            throughput = measured.pop("requests_per_s")
            for url, row in measured.items():
                results[_key(role, url)] = {"app": app, **row, "group_requests_per_s": throughput}
    uptime_after = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()

    same = {key: counts["1000"].get(key) == counts[str(args.staff)].get(key) for key in counts["1000"]}
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores",
        "staff": args.staff,
        "clients": args.clients,
        "gunicorn_workers": args.workers,
        "seed_seconds": seed,
        "uptime_before": uptime_before,
        "uptime_after": uptime_after,
        "load_average_per_group": load_average,
        "goal_p95_ms": GOAL_MS,
        "pages": {
            key: {
                **row,
                "queries_1000": counts["1000"].get(key),
                f"queries_{args.staff}": counts[str(args.staff)].get(key),
                "in_process": floor.get(key),
            }
            for key, row in results.items()
        },
        "queries_same_at_both_sizes": all(same.values()) if same else None,
        "goals_met": {
            app: all(row["p95_ms"] < GOAL_MS for row in results.values() if row["app"] == app)
            and all(same.get(key, True) for key, row in results.items() if row["app"] == app)
            for app in {g[0] for g in groups}
        },
    }
    _print(report, args.staff)
    if not args.only:
        out = ROOT / "bench" / "results" / f"list_pages-{datetime.now():%Y-%m-%d}.json"
        out.write_text(json.dumps(report, indent=1) + "\n")
        print(f"written to {out.relative_to(ROOT)}")


def _print(report: dict, staff: int) -> None:
    print(report["uptime_before"])
    columns = f"{'p50':>7}{'p95':>7}{'max':>7}{'in proc':>8}{'SQL':>6}{'ratio':>6}{'q 1k':>5}{'q N':>5}"
    print(f"{'role and page':58}{columns}")
    for key, row in report["pages"].items():
        f = row["in_process"] or {}
        ratio = row["p95_ms"] / f["request_ms"] if f.get("request_ms") else float("nan")
        flag = " !" if row["p95_ms"] >= GOAL_MS or row["queries_1000"] != row[f"queries_{staff}"] else ""
        print(
            f"{key[:58]:58}{row['p50_ms']:7.0f}{row['p95_ms']:7.0f}{row['max_ms']:7.0f}"
            f"{f.get('request_ms', float('nan')):8.1f}{f.get('sql_ms', float('nan')):6.1f}{ratio:6.1f}"
            f"{row['queries_1000'] or 0:5}{row[f'queries_{staff}'] or 0:5}{flag}"
        )
    print(report["uptime_after"])
    print(f"queries the same at 1,000 and {staff:,} staff: {report['queries_same_at_both_sizes']}")
    print(f"goals met (p95 < {GOAL_MS} ms and same query counts): {report['goals_met']}")


if __name__ == "__main__":
    main()
