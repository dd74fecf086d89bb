from datetime import date

import pytest

from hrportal.parameters.services import parameter_set
from hrportal.suppression import COMPLEMENTARY, SMALL, min_cell_size, suppress_series, suppress_table


def test_a_cell_of_four_is_hidden_and_a_cell_of_five_is_shown_at_threshold_five():
    hidden = suppress_series({"A": 4, "B": 5, "C": 30}, threshold=5, total_shown=False)
    assert hidden == {"A": SMALL}


def test_zero_identifies_nobody_and_is_shown():
    assert suppress_series({"A": 0, "B": 12}, threshold=5, total_shown=False) == {}


def test_with_a_total_a_single_hidden_cell_takes_the_smallest_other_cell_with_it():
    # 30 + 9 + 4 = 43: with the total shown, the 4 would be 43 - 30 - 9
    hidden = suppress_series({"A": 30, "B": 9, "C": 4}, threshold=5)
    assert hidden == {"C": SMALL, "B": COMPLEMENTARY}


def test_two_small_cells_in_a_line_protect_each_other():
    hidden = suppress_series({"A": 30, "B": 3, "C": 4}, threshold=5)
    assert hidden == {"B": SMALL, "C": SMALL}


def test_a_table_hides_complements_until_no_row_or_column_has_a_single_hidden_cell():
    # rows: tiers, columns: women / men, with row and column totals published
    counts = {
        ("N", "women"): 3,
        ("N", "men"): 20,
        ("N-1", "women"): 40,
        ("N-1", "men"): 60,
    }
    hidden = suppress_table(counts, threshold=5)
    assert hidden[("N", "women")] == SMALL
    # the N row would give women = 23 - 20: men of N hidden; the women column would give 43 - 40: women of N-1
    assert hidden[("N", "men")] == COMPLEMENTARY
    assert hidden[("N-1", "women")] == COMPLEMENTARY
    # and then the men column and the N-1 row each hold one hidden cell: N-1 men goes too
    assert hidden[("N-1", "men")] == COMPLEMENTARY
    for line in (("N", "women"), ("N", "men")), (("N-1", "women"), ("N-1", "men")):
        assert sum(cell in hidden for cell in line) != 1


def test_without_totals_only_small_cells_are_hidden():
    counts = {("N", "women"): 3, ("N", "men"): 20}
    assert suppress_table(counts, threshold=5, row_totals=False, column_totals=False) == {("N", "women"): SMALL}


@pytest.mark.django_db
def test_the_threshold_is_the_parameter_in_force_on_the_date(central_hr):
    assert min_cell_size(on=date(2020, 1, 1)) == 5
    parameter_set(
        key="monitoring.min_cell_size", value=10, valid_from=date(2025, 1, 1), actor=central_hr, legal_basis="BVR"
    )
    assert min_cell_size(on=date(2024, 12, 31)) == 5
    assert min_cell_size(on=date(2025, 1, 1)) == 10
