"""The market as arrays: offers column-wise (one numpy array per attribute), requests with their competencies.

Nothing here touches the database: `load.py` fills these from queries, the tests and the benchmark from
whatever they generate. Dates are day numbers (`date.toordinal()`); an offer's position in the arrays
follows its id, so a lower position is an older offer (the tie rule).
"""

from dataclasses import dataclass, field

import numpy as np

# A request's competencies as (competency id, level), in the order the explanation lists them.
Competencies = tuple[tuple[int, int], ...]

# 12 x what one required competency adds to the fit, for [wanted level][offered level]: an integer for
# every wanted level 1-4 (12 is their least common multiple), so bounds on the fit are exact.
FIT12 = np.array(
    [[0] * 5] + [[0] + [12 * min(offered, wanted) // wanted for offered in range(1, 5)] for wanted in range(1, 5)],
    dtype=np.uint8,
)
# The same as the floats the rule adds up (`1.0` when the offered level reaches the wanted one, else
# offered / wanted): the score is computed with exactly these values, in the request's order.
FIT = np.array(
    [[0.0] * 5]
    + [[0.0] + [1.0 if offered >= wanted else offered / wanted for offered in range(1, 5)] for wanted in range(1, 5)]
)


@dataclass
class Offers:
    """Active offers, sorted by id. `levels[column]` is the offered level of a competency (0: not offered);
    its last row is all zeros and stands for a competency that no offer has."""

    ids: np.ndarray
    staff: np.ndarray
    home: np.ndarray
    own_entity: np.ndarray
    start: np.ndarray
    end: np.ndarray
    share: np.ndarray
    levels: np.ndarray
    column: dict[int, int]
    _fit12: dict = field(default_factory=dict, repr=False)
    _has: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, rows, competency_rows) -> "Offers":
        """`rows`: (id, staff id, home entity id, own entity only, start day, end day, share);
        `competency_rows`: (offer id, competency id, level); rows of offers not in `rows` are ignored."""
        table = np.array(rows, dtype=np.int64).reshape(-1, 7)
        table = table[np.argsort(table[:, 0], kind="stable")]
        comps = np.array(competency_rows, dtype=np.int64).reshape(-1, 3)
        ids = table[:, 0]
        position = np.searchsorted(ids, comps[:, 0])
        known = position < len(ids)
        known[known] = ids[position[known]] == comps[known, 0]
        comps, position = comps[known], position[known]
        competency_ids, column_of_row = np.unique(comps[:, 1], return_inverse=True)
        levels = np.zeros((len(competency_ids) + 1, len(ids)), dtype=np.uint8)
        levels[column_of_row, position] = comps[:, 2]
        return cls(
            ids=ids,
            staff=table[:, 1],
            home=table[:, 2],
            own_entity=table[:, 3].astype(bool),
            start=table[:, 4].astype(np.int32),
            end=table[:, 5].astype(np.int32),
            share=table[:, 6].astype(np.int16),
            levels=levels,
            column={int(c): i for i, c in enumerate(competency_ids)},
        )

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def absent(self) -> int:
        """The all-zero row of `levels`."""
        return len(self.levels) - 1

    def fit12(self, column: int, wanted: int) -> np.ndarray:
        """12 x each offer's fit on one required competency (cached: requests share competencies)."""
        key = (column, wanted)
        row = self._fit12.get(key)
        if row is None:
            row = self._fit12[key] = FIT12[wanted][self.levels[column]]
        return row

    def has(self, column: int) -> np.ndarray:
        """1 where an offer has the competency (cached, as uint8 to add up)."""
        row = self._has.get(column)
        if row is None:
            row = self._has[column] = (self.levels[column] > 0).astype(np.uint8)
        return row


@dataclass
class Requests:
    """Open requests; `required` and `nice` hold each request's competencies in the explanation's order."""

    ids: np.ndarray
    owner: np.ndarray
    home: np.ndarray
    start: np.ndarray
    end: np.ndarray
    share: np.ndarray
    required: list[Competencies]
    nice: list[Competencies]

    @classmethod
    def build(cls, rows, competency_rows) -> "Requests":
        """`rows`: (id, owner id, home entity id, start day, end day, share); `competency_rows`:
        (request id, competency id, level, required) in the order the explanation lists them."""
        rows = sorted(rows)
        required: dict[int, list] = {row[0]: [] for row in rows}
        nice: dict[int, list] = {row[0]: [] for row in rows}
        for rid, cid, level, is_required in competency_rows:
            if rid in required:
                (required if is_required else nice)[rid].append((cid, level))
        table = np.array(rows, dtype=np.int64).reshape(-1, 6)
        return cls(
            ids=table[:, 0],
            owner=table[:, 1],
            home=table[:, 2],
            start=table[:, 3].astype(np.int32),
            end=table[:, 4].astype(np.int32),
            share=table[:, 5].astype(np.int16),
            required=[tuple(required[row[0]]) for row in rows],
            nice=[tuple(nice[row[0]]) for row in rows],
        )

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, positions: list[int]) -> "Requests":
        arrays = (self.ids, self.owner, self.home, self.start, self.end, self.share)
        return Requests(
            *(a[positions] for a in arrays), [self.required[p] for p in positions], [self.nice[p] for p in positions]
        )


@dataclass
class Bound:
    """Requests' competencies as positions in one `Offers`' level rows, padded to a rectangle: the
    padding points at the all-zero row (it adds 0.0 to a fit, exactly) with a wanted level of 1."""

    required_column: np.ndarray
    required_level: np.ndarray
    n_required: np.ndarray
    nice_column: np.ndarray
    n_nice: np.ndarray

    @classmethod
    def bind(cls, requests: Requests, offers: Offers) -> "Bound":
        absent = offers.absent

        def rectangle(lists):
            width = max((len(x) for x in lists), default=0)
            columns = np.full((len(lists), width), absent, dtype=np.int64)
            wanted = np.ones((len(lists), width), dtype=np.int64)
            for i, items in enumerate(lists):
                for j, (cid, level) in enumerate(items):
                    columns[i, j] = offers.column.get(cid, absent)
                    wanted[i, j] = level
            return columns, wanted, np.array([len(x) for x in lists], dtype=np.int64)

        required_column, required_level, n_required = rectangle(requests.required)
        nice_column, _levels, n_nice = rectangle(requests.nice)
        return cls(required_column, required_level, n_required, nice_column, n_nice)
