"""A realistic, deterministic demo organisation: `manage.py seed_demo --staff 100000`.

Same arguments, same data. Staff get explicit ids so that the line-manager tree can be built before
insertion; everything goes in with bulk inserts inside one transaction.
"""

import random
import time
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from importlib import import_module

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from hrportal.data.bulk import insert_objects, insert_rows
from hrportal.data.demo import (
    AGO_CODE,
    FEMALE_FIRST_NAMES,
    LAST_NAMES,
    MALE_FIRST_NAMES,
    POLICY_DOMAINS,
    demo_functions,
)
from hrportal.data.reference import load_reference_data
from hrportal.models import (
    Competency,
    Entity,
    Evaluation,
    Function,
    FunctionFamily,
    HrOfficerScope,
    Staff,
    StaffCompetency,
    StaffLanguage,
    User,
)

DEMO_PASSWORD = "demo"
DEMO_USERS = ["demo-staff", "demo-manager", "demo-hr", "demo-central", "demo-top", "admin"]
REFERENCE_DATE = date(2026, 1, 1)

GRADES_BY_LEVEL = {
    "A": ["A1", "A1", "A1", "A2", "A2", "A2M", "A2E"],
    "B": ["B1", "B1", "B2", "B2", "B3"],
    "C": ["C1", "C1", "C2", "C2", "C3"],
    "D": ["D1", "D1", "D2", "D3"],
}
BASE_SALARY = {"A": 3900, "B": 3200, "C": 2750, "D": 2450}
# Share of women: the seed's figures for management (2013-2020), about half of all other staff — fewer at level
# A, more at level C — so that women and men sit in different function classes (the pay-gap report shows that
# this, not pay for the same function, makes the overall gap).
FEMALE_SHARE = {"N": 0.27, "N-1": 0.38, "none": 0.53}
FEMALE_SHARE_BY_LEVEL = {"A": 0.42, "B": 0.56, "C": 0.64, "D": 0.56}


class Command(BaseCommand):
    help = "Create a deterministic demo organisation with demo users for every role."

    def add_arguments(self, parser):
        parser.add_argument("--staff", type=int, default=2000, help="number of staff members (default 2000)")
        parser.add_argument("--seed", type=int, default=2013)
        parser.add_argument("--if-empty", action="store_true", help="do nothing when staff already exist")
        parser.add_argument(
            "--evaluation-years",
            type=int,
            default=2,
            help="years of evaluation history per person (default 2; the benchmark of issue 10 uses 10)",
        )

    def handle(
        self, *args, staff: int, seed: int, if_empty: bool, verbosity: int = 1, evaluation_years: int = 2, **options
    ):
        if staff < 50:
            raise CommandError("Use at least 50 staff members.")
        if not 2 <= evaluation_years <= 30:
            raise CommandError("Use 2 to 30 years of evaluations.")
        if Staff.objects.exists():
            if if_empty:
                self.stdout.write("Demo data already present; nothing to do.")
                return
            raise CommandError("The database already holds staff; seed_demo fills an empty database.")
        started = time.monotonic()
        self.timer = StepTimer(self.stdout if verbosity >= 2 else None)
        with transaction.atomic():
            load_reference_data(apps)  # idempotent; a flushed test database needs it again
            DemoBuilder(
                rng=random.Random(seed),
                staff_count=staff,
                out=self.stdout,
                timer=self.timer,
                evaluation_years=evaluation_years,
                history_rng=random.Random(f"{seed}-evaluation-history"),
            ).build()
            self._seed_apps(seed)
            self._seed_report_runs()
            committing = time.monotonic()
        self.timer.report("commit (the deferred foreign-key checks)", time.monotonic() - committing)
        if connection.vendor == "postgresql":
            with self.timer("analyze"):
                self._analyze()
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {Staff.objects.count()} staff in {Entity.objects.count()} entities "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
        self.stdout.write(f"Demo users (password '{DEMO_PASSWORD}'): {', '.join(DEMO_USERS)}")

    def _seed_apps(self, seed: int):
        """Each domain app may add its demo records in `<app>/demo.py`: `seed_demo(*, rng, today, out)`."""
        for config, module in app_demo_modules():
            with self.timer(f"{config.label} demo"):
                module.seed_demo(
                    rng=random.Random(f"{seed}-{config.label}"), today=timezone.localdate(), out=self.stdout
                )

    def _seed_report_runs(self):
        """One finished run of every report, built here without the queue (no worker is needed). Run in
        English on purpose: the pages show it in each reader's language (issue 12, item 4)."""
        from hrportal.reports.models import ReportRun
        from hrportal.reports.registry import REGISTRY
        from hrportal.reports.services import report_run_execute

        for kind in REGISTRY:
            with self.timer(f"report {kind}"):
                run = ReportRun.objects.create(kind=kind, parameters={"language": "en"})
                report_run_execute(run_id=run.pk)

    def _analyze(self):
        # After a bulk load PostgreSQL wants statistics and a visibility map (index-only scans); VACUUM
        # cannot run inside a transaction (tests), where ANALYZE alone must do.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def app_demo_modules():
    """(app config, its `demo` module) for every installed app that has one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        yield config, module


class StepTimer:
    """`with timer("step"):` prints how long the step took when seed_demo runs with --verbosity 2 or more."""

    def __init__(self, out):
        self.out = out

    @contextmanager
    def __call__(self, name: str):
        started = time.monotonic()
        yield
        self.report(name, time.monotonic() - started)

    def report(self, name: str, seconds: float):
        if self.out is not None:
            self.out.write(f"  {seconds:7.2f} s  {name}")


class DemoBuilder:
    def __init__(
        self, *, rng: random.Random, staff_count: int, out, timer=None, evaluation_years: int = 2, history_rng=None
    ):
        self.timer = timer or StepTimer(None)
        self.evaluation_years = evaluation_years
        self.history_rng = history_rng or random.Random(0)
        self.rng = rng
        self.staff_count = staff_count
        self.out = out
        self.next_id = (Staff.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        self.staff: list[Staff] = []
        self.used_emails: set[str] = set()

    # --- structure -------------------------------------------------------------------------------
    def build(self):
        with self.timer("reference data and functions"):
            self.functions = self._functions()
        entities_per_domain = max(1, min(6, self.staff_count // 2000))
        divisions_per_entity = max(1, min(6, self.staff_count // 4000))
        with self.timer("entities"):
            leaves = self._entities(entities_per_domain, divisions_per_entity)
        with self.timer("people drawn"):
            self._people(leaves)
        with self.timer("people prepared by the apps"):
            # an app's demo may adjust the people before they are written (`prepare_staff(staff)`): far cheaper
            # than updating 100,000 written rows, each with every index of the staff table
            for _config, module in app_demo_modules():
                if hasattr(module, "prepare_staff"):
                    module.prepare_staff(self.staff)
        with self.timer("people written"):
            insert_objects(self.staff)
            self._reset_sequence()
        with self.timer("competencies, languages, evaluations"):
            self._profiles()
        with self.timer("users"):
            self._users()

    def _functions(self) -> dict:
        families = {f.code: f for f in FunctionFamily.objects.all()}
        functions = []
        for name, family_code, function_class, teleworkable in demo_functions():
            functions.append(
                Function(
                    name=name,
                    family=families.get(family_code),
                    function_class=function_class,
                    weight=function_class * 10,
                    teleworkable=teleworkable,
                )
            )
        Function.objects.bulk_create(functions, ignore_conflicts=True)
        by_class: dict[int, list[Function]] = {}
        for function in Function.objects.select_related("family"):
            by_class.setdefault(function.function_class, []).append(function)
        return by_class

    def _entities(self, per_domain: int, divisions: int) -> list[tuple[Entity, list[Entity]]]:
        leaves = []
        for d_code, d_name, entity_names in POLICY_DOMAINS:
            domain = Entity.objects.create(code=d_code, name=d_name, kind=Entity.Kind.POLICY_DOMAIN)
            names = list(entity_names)
            while len(names) < per_domain:
                names.append((f"{d_code}-ag{len(names)}", f"Agentschap {d_name} {len(names)}"))
            for e_code, e_name in names[:per_domain]:
                entity = Entity.objects.create(
                    code=e_code,
                    name=e_name,
                    kind=Entity.Kind.ENTITY,
                    parent=domain,
                    telework_max_share_percent=self.rng.choice([None, None, 40, 50, 60]),
                )
                parts = [
                    Entity.objects.create(
                        code=f"{e_code}-afd{i + 1}",
                        name=f"{e_name} – {DIVISION_NAMES[i % len(DIVISION_NAMES)]}",
                        kind=Entity.Kind.DIVISION,
                        parent=entity,
                    )
                    for i in range(divisions)
                ]
                leaves.append((entity, parts))
        return leaves

    # --- people ----------------------------------------------------------------------------------
    def _people(self, leaves):
        rng = self.rng
        per_entity = self.staff_count / len(leaves)
        for entity, divisions in leaves:
            quota = int(per_entity)
            top = self._person(entity, None, tier="N", level="A", grade="A3")
            per_division = max(2, (quota - 1) // len(divisions))
            headcount = 1
            for division in divisions:
                head = self._person(division, top, tier="N-1", level="A", grade=rng.choice(["A2A", "A2L"]))
                remaining = per_division - 1
                headcount += 1
                while remaining > 0:
                    team_size = min(remaining, rng.randint(8, 14))
                    leader = self._person(division, head, tier="none", level=rng.choice("AAB"), team_leader=True)
                    for _ in range(team_size - 1):
                        self._person(division, leader, tier="none", level=rng.choice("AAABBBCCCD"))
                    remaining -= team_size
                    headcount += team_size
            entity.headcount_target = int(headcount * rng.uniform(0.95, 1.08))
            entity.save(update_fields=["headcount_target"])
        # Top up to the exact number asked for, in the last division.
        while len(self.staff) < self.staff_count:
            entity, divisions = leaves[-1]
            leader = self.staff[-1].line_manager or self.staff[-1]
            self._person(divisions[-1], leader, tier="none", level=rng.choice("ABCD"))

    def _person(self, entity, manager, *, tier, level, grade=None, team_leader=False) -> Staff:
        rng = self.rng
        female = rng.random() < (FEMALE_SHARE_BY_LEVEL[level] if tier == "none" else FEMALE_SHARE[tier])
        first = rng.choice(FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        staff_id = self.next_id
        self.next_id += 1
        grade = grade or rng.choice(GRADES_BY_LEVEL[level])
        years = rng.randint(0, 38) if tier == "none" else rng.randint(8, 38)
        service_start = REFERENCE_DATE - timedelta(days=365 * years + rng.randint(0, 364))
        entity_start = min(REFERENCE_DATE, service_start + timedelta(days=rng.randint(0, 365 * max(1, years))))
        scale = f"{grade[0]}{grade[1] if grade[1:2].isdigit() else '2'}{rng.randint(1, 4)}{rng.randint(1, 3)}"
        salary = Decimal(BASE_SALARY[level] + 45 * years + (1800 if tier == "N" else 900 if tier == "N-1" else 0))
        salary += Decimal(rng.randint(-60, 60))
        contractual = rng.random() < (0.05 if tier != "none" else 0.22)
        member = Staff(
            id=staff_id,
            personnel_number=f"{staff_id:07d}",
            first_name=first,
            last_name=last,
            email=self._email(first, last, staff_id),
            entity=entity,
            line_manager=manager,
            level=level,
            grade=grade,
            salary_scale=scale,
            gross_monthly_salary=salary,
            employment_type=Staff.EmploymentType.CONTRACTUAL if contractual else Staff.EmploymentType.STATUTORY,
            objective_recruitment=contractual and rng.random() < 0.6,
            management_tier=tier,
            function=self._function_for(level, tier, team_leader),
            service_start=service_start,
            entity_start=entity_start,
            gender=Staff.Gender.FEMALE if female else Staff.Gender.MALE,
            working_time_fraction=rng.choice([Decimal("1.00")] * 7 + [Decimal("0.80"), Decimal("0.50")]),
        )
        self.staff.append(member)
        return member

    def _email(self, first, last, staff_id) -> str:
        local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        local = local.translate(str.maketrans("éèëïöüç", "eeeiouc"))
        return f"{local}.{staff_id}@vlaanderen.example"

    def _function_for(self, level, tier, team_leader) -> Function | None:
        if tier == "N":
            classes = [20]
        elif tier == "N-1":
            classes = [17, 18]
        elif team_leader:
            classes = [14, 15] if level == "A" else [12]
        else:
            classes = {"A": [13, 14, 15, 16], "B": [11, 12], "C": [9, 10], "D": [7, 8]}[level]
        candidates = [f for c in classes for f in self.functions.get(c, [])]
        if tier == "N-1":
            candidates = [f for f in candidates if f.family and f.family.code == "middenkader"] or candidates
        elif team_leader:
            candidates = [f for f in candidates if f.family and f.family.is_management] or candidates
        else:
            candidates = [f for f in candidates if not (f.family and f.family.is_management)] or candidates
        return self.rng.choice(candidates) if candidates else None

    def _reset_sequence(self):
        from django.core.management.color import no_style

        statements = connection.ops.sequence_reset_sql(no_style(), [Staff])
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    def _profiles(self):
        """Competencies, languages and two evaluations per person: plain rows (hrportal.data.bulk), the random
        draws in the same order as ever."""
        rng = self.rng
        competency_ids = list(Competency.objects.values_list("id", flat=True))
        competencies, languages, evaluations = [], [], []
        ratings = ["very_good", "good", "good", "good", "sufficient", "sufficient"]
        for member in self.staff:
            member_id = member.id
            for cid in rng.sample(competency_ids, rng.randint(3, 6)):
                competencies.append((member_id, cid, rng.randint(1, 4)))
            languages.append((member_id, "nl", "native"))
            for code in rng.sample(["fr", "en", "de", "es"], rng.randint(0, 2)):
                languages.append((member_id, code, rng.choice(["basic", "good", "fluent"])))
            for year in (2024, 2025):
                rating = "insufficient" if rng.random() < 0.015 else rng.choice(ratings)
                evaluations.append((member_id, date(year, 12, rng.randint(1, 20)), rating, member.line_manager_id))
        insert_rows(StaffCompetency, ["staff_id", "competency_id", "level"], competencies)
        insert_rows(StaffLanguage, ["staff_id", "language", "proficiency"], languages)
        evaluations += self._earlier_evaluations(ratings)
        insert_rows(Evaluation, ["staff_id", "evaluated_on", "rating", "evaluator_id"], evaluations)

    def _earlier_evaluations(self, ratings) -> list[tuple]:
        """With --evaluation-years above 2 (the benchmark of issue 10), the years before 2024 too, for everyone
        in service that year: drawn from their own random sequence, so the two latest years are the demo's."""
        rng, rows = self.history_rng, []
        first = REFERENCE_DATE.year - self.evaluation_years
        for member in self.staff:
            for year in range(max(first, member.service_start.year), REFERENCE_DATE.year - 2):
                rating = "insufficient" if rng.random() < 0.015 else rng.choice(ratings)
                rows.append((member.id, date(year, 12, rng.randint(1, 20)), rating, member.line_manager_id))
        return rows

    def _users(self):
        # one hash for the five demo accounts (the same public password): each hash costs a second on purpose
        password = make_password(DEMO_PASSWORD)
        ago = Entity.objects.get(code=AGO_CODE)
        ago_staff = [m for m in self.staff if m.entity_id == ago.pk or m.entity.parent_id == ago.pk]
        head = next(m for m in ago_staff if m.management_tier == "N-1")
        leaders = [m for m in ago_staff if m.line_manager_id == head.id]
        member = next(m for m in ago_staff if m.line_manager_id in {leader.id for leader in leaders})
        managers = {m.line_manager_id for m in self.staff}
        plain = [m for m in ago_staff if m.management_tier == "none" and m.id not in managers and m.id != member.id]
        hr_officer, central = plain[0], plain[1]
        top = next(m for m in self.staff if m.id == head.line_manager_id)  # the entity's top official (N)
        accounts = {
            "demo-staff": (member, {}),
            "demo-manager": (head, {}),
            "demo-hr": (hr_officer, {}),
            "demo-central": (central, {"is_central_hr": True}),
            "demo-top": (top, {}),
        }
        for username, (staff, flags) in accounts.items():
            user = User(
                username=username, first_name=staff.first_name, last_name=staff.last_name, email=staff.email, **flags
            )
            user.password = password
            user.save()
            Staff.objects.filter(pk=staff.pk).update(user=user)
        HrOfficerScope.objects.create(user=User.objects.get(username="demo-hr"), entity=ago)
        admin = User(username="admin", email="admin@vlaanderen.example", is_staff=True, is_superuser=True)
        admin.password = password
        admin.save()


DIVISION_NAMES = [
    "Afdeling Beleid",
    "Afdeling Uitvoering",
    "Afdeling Ondersteuning",
    "Afdeling Klantenbeheer",
    "Afdeling Data en Analyse",
    "Afdeling Projecten",
]
