import pytest

from hrportal.data.reference import COMPETENCY_CLUSTERS, FUNCTION_FAMILIES, portfolio_actions
from hrportal.models import Competency, FunctionFamily, PortfolioAction
from hrportal.models.portfolio import Objective

pytestmark = pytest.mark.django_db


def test_portfolio_of_the_annex_is_loaded_for_all_five_objectives():
    assert PortfolioAction.objects.count() == len(portfolio_actions()) >= 30
    assert set(PortfolioAction.objects.values_list("objective", flat=True)) == set(Objective.values)


def test_portfolio_keeps_the_seeds_status_continuation_and_term():
    cafetaria = PortfolioAction.objects.get(title__icontains="cafetariaplan")
    assert (cafetaria.status, cafetaria.continues) == ("dropped", False)
    allowance = PortfolioAction.objects.get(code="III.4")
    assert "30 kalenderdagen" in allowance.description and allowance.term == "current"
    assert PortfolioAction.objects.filter(term="next").count() >= 3


def test_every_action_has_a_valid_status_and_a_sponsor():
    for action in portfolio_actions():
        assert action["status"] in PortfolioAction.Status.values
        assert action["term"] in PortfolioAction.Term.values
        assert action["sponsor"]


def test_competency_dictionary_and_function_families_are_loaded():
    assert Competency.objects.count() == sum(len(c[3]) for c in COMPETENCY_CLUSTERS) == 23
    assert FunctionFamily.objects.count() == len(FUNCTION_FAMILIES) == 15
    assert Competency.objects.get(code="coachen").behaviour_levels.count() == 4
