"""The figures the seed names on top-management appointments (001_…: 2009-2013, a woman appointed in two of
three cases where one reached the final round; 12 of 53 presented candidates women), with small cells hidden."""

import pytest

from hrportal.suppression import COMPLEMENTARY, SMALL
from leadership.monitoring.selectors import appointment_rate, presented_to_government
from tests.leadership.factories import TopCandidateFactory, VacancyFactory

pytestmark = pytest.mark.django_db


def _case(year: int, *, winner: str, woman_presented: bool = True):
    """A top function whose shortlist holds a woman (or not) and a man; `winner` is appointed."""
    vacancy = VacancyFactory(year=year)
    TopCandidateFactory(vacancy=vacancy, gender=winner, stage="appointment", outcome="appointed")
    other = "M" if winner == "F" or woman_presented is False else "F"
    TopCandidateFactory(vacancy=vacancy, gender=other, stage="shortlist", outcome="admitted")
    return vacancy


def _rows(threshold=5):
    return {r["year"]: r for r in appointment_rate(threshold=threshold)}


def test_five_cases_in_a_period_are_shown_with_the_woman_and_man_split():
    for year, winner in ((2009, "F"), (2009, "F"), (2010, "M"), (2011, "F"), (2012, "F")):
        _case(year, winner=winner)
    period = _rows()[None]
    assert period["period"] == (2009, 2012)
    assert (period["cases"], period["women_appointed"], period["men_appointed"]) == (5, 4, 1)
    assert period["rate"] == 80.0 and period["_hidden"] == {}
    # every year has fewer than five cases: hidden, the rows themselves say why
    assert _rows()[2009]["_hidden"]["rate"] == SMALL


def test_four_cases_in_the_period_hide_the_period_too():
    for year in (2009, 2010, 2011, 2012):
        _case(year, winner="F")
    period = _rows()[None]
    assert period["_hidden"] == dict.fromkeys(("cases", "women_appointed", "men_appointed", "rate"), SMALL)


def test_a_year_of_five_cases_is_shown_and_a_year_of_four_hidden():
    for winner in "FFFMM":
        _case(2011, winner=winner)
    for winner in "FFFM":
        _case(2012, winner=winner)
    _case(2013, winner="F")
    rows = _rows()
    assert rows[2011]["_hidden"] == {} and rows[2011]["rate"] == 60.0 and rows[2011]["men_appointed"] == 2
    assert rows[2012]["_hidden"]["rate"] == SMALL and rows[2013]["_hidden"]["cases"] == SMALL


def test_a_single_small_year_hides_a_second_one_as_its_complement():
    for year, cases in ((2011, 6), (2012, 5)):
        for _ in range(cases):
            _case(year, winner="F")
    _case(2013, winner="M")
    rows = _rows()
    assert rows[2013]["_hidden"]["cases"] == SMALL
    assert rows[2012]["_hidden"]["cases"] == COMPLEMENTARY  # 2013 = period - 2011 - 2012 otherwise
    assert rows[2011]["_hidden"] == {}


def test_a_case_counts_only_with_a_woman_in_the_final_round_and_an_appointment():
    _case(2012, winner="M", woman_presented=False)  # no woman on the shortlist: not a case
    running = VacancyFactory(year=2012)  # a woman shortlisted, nobody appointed yet: not a case yet
    TopCandidateFactory(vacancy=running, gender="F", stage="shortlist", outcome="admitted")
    early = VacancyFactory(year=2012)  # a woman only at the interview: not the final round
    TopCandidateFactory(vacancy=early, gender="F", stage="interview", outcome="withdrawn")
    TopCandidateFactory(vacancy=early, gender="M", stage="appointment", outcome="appointed")
    assert appointment_rate(threshold=5) == []


def test_the_whole_periods_presented_women_are_hidden_below_five():
    for year in (2010, 2011, 2012, 2013):
        _case(year, winner="M")  # one woman presented a year: four in the period
        for _ in range(3):
            TopCandidateFactory(vacancy__year=year, gender="M", stage="shortlist", outcome="admitted")
    period = next(r for r in presented_to_government(threshold=5) if r["year"] is None)
    assert period["period"] == (2010, 2013) and period["women"] == 4
    assert period["_hidden"]["women"] == SMALL and period["_hidden"]["men"] == COMPLEMENTARY
    _case(2013, winner="M")
    period = next(r for r in presented_to_government(threshold=5) if r["year"] is None)
    assert period["women"] == 5 and period["_hidden"] == {}
