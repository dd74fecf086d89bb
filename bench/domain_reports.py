"""Job time of the reward, deployability and leadership reports, the ranking of a vacancy's candidates, and
the time to seed the demo organisation, on PostgreSQL.

    .venv/bin/python bench/domain_reports.py --staff 100000 [--fresh] [--evaluation-years 10]

Seeds `hrportal_bench_apps_<N>` with `seed_demo` when empty (`--fresh` drops it first, so the seeding is
timed; `--evaluation-years 10` seeds `hrportal_bench_apps_<N>_ev10` with ten years of evaluations per person
instead of the demo's two, for issue 10), then in one process, one at a time: each report built as the worker
builds it (`report_run_execute`, the database's aggregation included; queries counted; the worker's one-time
Celery set-up done before the first, as a running worker has it), `vacancy_candidates_ranked` for the first
vacancy, and the yearly monitoring snapshot (`snapshot_take`, rolled back). Prints a table and writes
results/domain_reports-<N>[-ev10].json with the load average and the data's volume.
Goals (issues 9-11): each report under 2 s of job time at 100,000 staff, ranking under 200 ms, seeding under
2 minutes. Speed is measured here, never in tests.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from staff_directory import ROOT, drop_database, ensure_database, env_for, machine_record

REPORTS = [
    ("reward_pay_gap", {}),
    ("reward_upgrade_expiring", {}),
    ("deployability_redeployment", {}),
    ("deployability_evaluation_cases", {}),
    ("deployability_leave_taken", {}),
    ("deployability_reintegration_cases", {}),
    ("leadership_gender_monitoring", {}),
    ("leadership_headcount", {}),
    ("leadership_development_participation", {}),
]

MEASURE = """
import django, json, time
django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hrportal.models import User
from hrportal.reports.registry import REGISTRY
from hrportal.reports.services import report_run_execute, report_run_request
translation.activate("nl")
central = User.objects.filter(is_central_hr=True).order_by("pk").first()
# a running worker has imported its tasks and checked the models once: not part of any report's job time
from celery import current_app
current_app.loader.import_default_modules()
from hrportal.models import Evaluation, Staff
from leadership.models import SnapshotCount
out = {"reports": {}, "volume": {
    "staff": Staff.objects.count(),
    "evaluations": Evaluation.objects.count(),
    "evaluation_years": Evaluation.objects.dates("evaluated_on", "year").count(),
    "snapshot_cells": SnapshotCount.objects.count(),
    "snapshot_years": SnapshotCount.objects.values("year").distinct().count(),
}}
for kind, parameters in %(reports)r:
    if kind not in REGISTRY:
        out["reports"][kind] = None
        continue
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        # without a broker the job runs in-process when the request commits; execute() then finds it done
        run = report_run_request(kind=kind, requested_by=central, parameters=parameters)
        report_run_execute(run_id=run.pk)
    run.refresh_from_db()
    out["reports"][kind] = {"seconds": round(time.perf_counter() - started, 3), "queries": len(queries),
                            "status": run.status}
from django.db.models import Count
from deployability.redeployment.models import Vacancy
from deployability.redeployment.selectors import vacancy_candidates_ranked
vacancy = Vacancy.objects.order_by("pk").first()
if vacancy is not None:
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        ranked = vacancy_candidates_ranked(vacancy=vacancy, viewer=central)
        timings.append(time.perf_counter() - started)
    out["vacancy_ranking"] = {"candidates": len(ranked), "best_ms": round(min(timings) * 1000, 1),
                              "median_ms": round(sorted(timings)[2] * 1000, 1)}
from django.db import transaction
from leadership.monitoring.services import snapshot_take
with transaction.atomic():
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        cells = snapshot_take(actor=central)
    out["snapshot_take"] = {"seconds": round(time.perf_counter() - started, 3), "queries": len(queries),
                            "cells": cells}
    transaction.set_rollback(True)
print(json.dumps(out))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100000)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--evaluation-years", type=int, default=2)
    args = parser.parse_args()
    suffix = f"_ev{args.evaluation_years}" if args.evaluation_years != 2 else ""
    db_name = f"hrportal_bench_apps_{args.staff}{suffix}"
    if args.fresh:
        drop_database(db_name)
    load_before = os.getloadavg()
    uptime_before = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    seed_seconds = ensure_database(db_name, args.staff, ("--evaluation-years", str(args.evaluation_years)))
    result = subprocess.run(
        [sys.executable, "-c", MEASURE % {"reports": REPORTS}],
        cwd=ROOT,
        env={**env_for(db_name), "DJANGO_SETTINGS_MODULE": "hrportal.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"staff {args.staff}; seeding: {seed_seconds if seed_seconds is not None else 'already seeded'} s")
    print(f"{'report':40} {'seconds':>8} {'queries':>8}  status")
    for kind, row in measured["reports"].items():
        if row is None:
            print(f"{kind:40} {'not registered':>8}")
        else:
            print(f"{kind:40} {row['seconds']:8.3f} {row['queries']:8d}  {row['status']}")
    if "vacancy_ranking" in measured:
        r = measured["vacancy_ranking"]
        print(f"vacancy ranking: {r['candidates']} candidates, best {r['best_ms']} ms, median {r['median_ms']} ms")
    if "snapshot_take" in measured:
        r = measured["snapshot_take"]
        print(f"monitoring snapshot (rolled back): {r['seconds']} s, {r['queries']} queries")
    print(f"data: {measured['volume']}")
    record = {
        **machine_record(args.staff, load_before, uptime_before),
        "evaluation_years_seeded": args.evaluation_years,
        "seed_seconds": seed_seconds,
        **measured,
    }
    path = ROOT / "bench" / "results" / f"domain_reports-{args.staff}{suffix.replace('_', '-')}.json"
    path.write_text(json.dumps(record, indent=1) + "\n")
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
