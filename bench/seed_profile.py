"""Where `seed_demo` spends its time: every step timed, each part's demo.py on its own.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> .venv/bin/python bench/seed_profile.py --staff 100000

Runs `seed_demo` in process with each step wrapped in a timer (the core builder's steps, each app's and each
part's `seed_demo`, each report run, the final ANALYZE), and prints them slowest first with the share of the
total, and `seed_demo --verbosity 2`'s own step timings (the people written, the commit with its deferred
foreign-key checks). The database must be migrated and empty. Writes results/seed_profile-<N>.json with the
load average.
"""

import argparse
import functools
import io
import json
import os
import sys
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from staff_directory import machine_record  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrportal.settings")

TIMES: dict[str, float] = {}


def timed(name, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            TIMES[name] = TIMES.get(name, 0.0) + time.perf_counter() - started

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--staff", type=int, default=100000)
    parser.add_argument("--evaluation-years", type=int, default=2)
    args = parser.parse_args()
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command

    from hrportal.management.commands import seed_demo as command
    from hrportal.reports import services

    for step in ("_functions", "_entities", "_people", "_reset_sequence", "_profiles", "_users"):
        setattr(command.DemoBuilder, step, timed(f"core.{step}", getattr(command.DemoBuilder, step)))
    real_bulk = command.Staff.objects.bulk_create
    command.Staff.objects.bulk_create = timed("core.staff_bulk_create", real_bulk)
    for step in ("_analyze",):
        setattr(command.Command, step, timed(f"core.{step}", getattr(command.Command, step)))
    for config in apps.get_app_configs():
        try:
            app_demo = import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        # each part's demo module, imported by the app's demo.py: wrap its entry points
        for attr, value in list(vars(app_demo).items()):
            if getattr(value, "__name__", "").endswith(".demo") and value is not app_demo:
                for fname in ("seed_demo",):
                    if hasattr(value, fname):
                        setattr(value, fname, timed(f"{config.label}.{attr}", getattr(value, fname)))
            elif callable(value) and attr.startswith("seed_") and attr != "seed_demo":
                setattr(app_demo, attr, timed(f"{config.label}.{attr}", value))
        app_demo.seed_demo = timed(f"{config.label} (all)", app_demo.seed_demo)
    real_execute = services.report_run_execute

    def execute(*, run_id):
        from hrportal.reports.models import ReportRun

        kind = ReportRun.objects.get(pk=run_id).kind
        return timed(f"report.{kind}", real_execute)(run_id=run_id)

    services.report_run_execute = execute
    load_before = os.getloadavg()
    started = time.perf_counter()
    out = io.StringIO()
    call_command("seed_demo", staff=args.staff, evaluation_years=args.evaluation_years, verbosity=2, stdout=out)
    total = time.perf_counter() - started
    steps = {}
    for line in out.getvalue().splitlines():
        if line.startswith("  ") and " s  " in line:
            seconds, name = line.strip().split(" s  ", 1)
            steps[name] = float(seconds)
    print(out.getvalue())
    print(f"total {total:.1f} s (load {os.getloadavg()[0]:.2f})")
    for name, seconds in sorted(TIMES.items(), key=lambda item: -item[1]):
        print(f"{seconds:8.2f} s {100 * seconds / total:5.1f} %  {name}")
    record = {
        **machine_record(args.staff, load_before),
        "evaluation_years": args.evaluation_years,
        "seconds_in_process": round(total, 1),
        "seed_demo_steps": steps,
        "parts": {name: round(seconds, 2) for name, seconds in sorted(TIMES.items(), key=lambda item: -item[1])},
    }
    path = ROOT / "bench" / "results" / f"seed_profile-{args.staff}.json"
    path.write_text(json.dumps(record, indent=1) + "\n")
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
