import pytest

from hrportal.models import FunctionFamily
from tests.factories import FunctionFactory


@pytest.fixture
def policy_family(db):
    return FunctionFamily.objects.get(code="beleidsfuncties")


@pytest.fixture
def own_function(policy_family):
    return FunctionFactory(name="Beleidsmedewerker", family=policy_family, function_class=12)


@pytest.fixture
def heavier_function(policy_family):
    return FunctionFactory(name="Senior beleidsmedewerker", family=policy_family, function_class=13)


@pytest.fixture
def same_class_function(policy_family):
    return FunctionFactory(name="Beleidsadviseur", family=policy_family, function_class=12)


@pytest.fixture
def holder(staff_member, own_function):
    staff_member.function = own_function
    staff_member.save(update_fields=["function"])
    return staff_member
