"""The project's shape (docs/architecture.md): parts in folders of their own, no import cycles, jobs by name."""

import ast
from pathlib import Path

import pytest

from hrportal.jobs import job_task

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["hrportal", "reward", "mobility", "deployability", "telework", "leadership"]
DOMAIN_APPS = PACKAGES[1:]
# What an app's root may hold: modules that only gather its parts (and what Django itself asks for).
APP_ROOT_MODULES = {"__init__", "apps", "models", "admin", "tasks", "urls", "api_urls", "demo", "reports", "events"}
# The modules a part may hold (STYLE.md, "The shape of an app"); one past ~500 lines becomes a package.
PART_MODULES = {
    "__init__",
    "models",
    "services",
    "selectors",
    "permissions",
    "events",
    "tasks",
    "forms",
    "views",
    "urls",
    "api_urls",
    "apis",
    "serializers",
    "filters",
    "admin",
    "home",
    "reports",
    "demo",
    "matching",
    "templatetags",
}
NOT_PARTS = {"migrations", "locale", "templates", "static", "__pycache__"}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every project module `name` imports, at the top or inside a function (a cycle dodged is still a cycle)."""

    def resolve(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            candidates = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for candidate in candidates:
            target = resolve(candidate)
            if target and target != name:
                targets.add(target)
    return targets


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_another_that_imports_it_back():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_an_app_root_only_gathers_its_parts(app):
    root = ROOT / app
    modules = {path.stem for path in root.glob("*.py")}
    assert modules <= APP_ROOT_MODULES, f"{app}/ holds part code at its root: {sorted(modules - APP_ROOT_MODULES)}"


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_each_part_folder_holds_only_the_modules_of_a_part(app):
    for part in (ROOT / app).iterdir():
        if not part.is_dir() or part.name in NOT_PARTS:
            continue
        for path in part.iterdir():
            if path.name == "__pycache__":
                continue
            name = path.stem if path.suffix == ".py" else path.name
            assert name in PART_MODULES, f"{path.relative_to(ROOT)} is not one of a part's modules (STYLE.md)"


def _service_modules() -> list[tuple[str, Path]]:
    return [(name, path) for name, path in _modules().items() if ".services" in f".{name}" or name.endswith("services")]


def test_services_queue_jobs_by_name_instead_of_importing_task_modules():
    modules = _modules()
    offenders = [
        (name, target)
        for name, path in _service_modules()
        for target in _imports(name, path, modules)
        if target.rsplit(".", 1)[-1] == "tasks"
    ]
    assert offenders == []


def test_every_job_a_service_queues_is_a_registered_task():
    names = set()
    for _name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "job_enqueue"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names.add(node.args[0].value)
    assert names, "no service queues a job: the scan is broken"
    for name in sorted(names):
        assert job_task(name).name == name
