import pytest
from django.core.cache import cache

from hrportal.celery import app as celery_app
from tests.factories import EntityFactory, HrOfficerScopeFactory, StaffFactory, UserFactory


@pytest.fixture
def entity(db):
    return EntityFactory(name="Agentschap Eigen")


@pytest.fixture
def other_entity(db):
    return EntityFactory(name="Agentschap Ander")


@pytest.fixture
def line_manager(entity):
    return StaffFactory(entity=entity, with_user=True, middle_manager=True, user__username="manager")


@pytest.fixture
def team_leader(entity, line_manager):
    return StaffFactory(entity=entity, line_manager=line_manager, with_user=True, user__username="leader")


@pytest.fixture
def staff_member(entity, team_leader):
    """Reports to team_leader, who reports to line_manager: an indirect report of line_manager."""
    return StaffFactory(entity=entity, line_manager=team_leader, with_user=True, user__username="member")


@pytest.fixture
def colleague(entity, line_manager):
    return StaffFactory(entity=entity, line_manager=line_manager)


@pytest.fixture
def outsider(other_entity):
    """Someone in another entity, outside every fixture's team."""
    return StaffFactory(entity=other_entity, with_user=True, user__username="outsider")


@pytest.fixture
def hr_officer(entity):
    scope = HrOfficerScopeFactory(entity=entity, user=UserFactory(username="hr"))
    StaffFactory(entity=entity, user=scope.user)
    return scope.user


@pytest.fixture
def central_hr(db):
    return UserFactory(username="central", central=True)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", admin=True)


@pytest.fixture(autouse=True)
def _celery_eager():
    """Unit tests run tasks in-process; tests/hrportal/test_worker.py sends to a real worker instead."""
    # With the "CELERY" settings namespace, Celery only honours the namespaced key.
    previous = celery_app.conf["CELERY_TASK_ALWAYS_EAGER"]
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = True
    yield
    celery_app.conf["CELERY_TASK_ALWAYS_EAGER"] = previous


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached option lists and counts must not outlive the test whose rolled-back rows they describe."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _reference_data_after_a_flush(request):
    """A transactional test empties every table when it ends, the reference data of migration 0002 included
    (function families, competencies). A later transactional test gets it back here, as a fresh database has it."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from hrportal.data.reference import load_reference_data

    load_reference_data(apps)
