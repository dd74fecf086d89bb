"""Writing matches: only the rows that changed, in the caller's transaction, one matching job at a time.

The computed rows are compared with the stored ones on (request, offer): a row whose score or
explanation digest moved is updated, a new one inserted, one no longer kept deleted; the rest is not
touched, and explanations are built for the written rows only.
The rank is not stored: it is the order of (score, older offer first) that every list reads, so a row
whose rank moved only because another row came or went needs no write. Readers see the old lists until
the transaction commits, never an empty one.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.db import connection
from django.db.models import Exists, OuterRef

from mobility.models import Match, TalentRequest

TABLE = Match._meta.db_table
COLUMNS = "request_id, offer_id, score, explanation_digest, explanation, computed_at"
# pg_advisory_xact_lock key of the matching jobs ("mobility.marketplace.matching", hashed once).
LOCK_KEY = 0x6D6F62696C697479
CHUNK = 5000
WRITE_SLICE = 25000


def lock() -> None:
    """Serialise the matching jobs (released at commit): each one loads the market after the previous
    one committed, so a refresh queued during a full rematch runs after it, on the new lists."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


@dataclass
class Rows:
    """Match rows as arrays: computed ones, or stored ones (with their `ids`)."""

    request_ids: np.ndarray
    offer_ids: np.ndarray
    scores: np.ndarray
    digests: np.ndarray
    ids: np.ndarray | None = None

    @classmethod
    def empty(cls) -> "Rows":
        nothing = np.zeros(0, dtype=np.int64)
        return cls(nothing, nothing, nothing, nothing, nothing)

    @classmethod
    def of(cls, request_ids, offer_ids, scores, digests) -> "Rows":
        return cls(*(np.asarray(a, dtype=np.int64).reshape(-1) for a in (request_ids, offer_ids, scores, digests)))

    def subset(self, mask: np.ndarray) -> "Rows":
        ids = None if self.ids is None else self.ids[mask]
        return Rows(self.request_ids[mask], self.offer_ids[mask], self.scores[mask], self.digests[mask], ids)

    def __len__(self) -> int:
        return len(self.request_ids)


def stored(*, request_ids=None, offer_id: int | None = None) -> Rows:
    """The stored matches of these requests, of this offer, or all of them."""
    columns = "id, request_id, offer_id, score, explanation_digest"
    if request_ids is None and offer_id is None:
        batches = [(f"SELECT {columns} FROM {TABLE}", [])]
    elif offer_id is not None:
        batches = [(f"SELECT {columns} FROM {TABLE} WHERE offer_id = %s", [offer_id])]
    else:
        batches = [
            (f"SELECT {columns} FROM {TABLE} WHERE {condition}", params)
            for condition, params in _request_id_in([int(i) for i in request_ids])
        ]
    rows = []
    with connection.cursor() as cursor:
        for sql, params in batches:
            cursor.execute(sql, params)
            rows += cursor.fetchall()
    table = np.array(rows, dtype=np.int64).reshape(-1, 5)
    return Rows(table[:, 1], table[:, 2], table[:, 3], table[:, 4], ids=table[:, 0])


def list_stats(request_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Length and lowest score of these requests' lists (requests without a list are left out)."""
    stats = {}
    with connection.cursor() as cursor:
        for condition, params in _request_id_in([int(i) for i in request_ids]):
            cursor.execute(
                f"SELECT request_id, COUNT(*), MIN(score) FROM {TABLE} WHERE {condition} GROUP BY request_id", params
            )
            stats.update({r: (n, low) for r, n, low in cursor.fetchall()})
    return stats


def _request_id_in(ids: list[int]) -> list[tuple[str, list]]:
    """`request_id` among `ids` as (condition, parameters) pairs: one array parameter on PostgreSQL (a
    refreshed offer can touch thousands of lists, and thousands of `%s` cost more to plan than to read),
    batches of placeholders elsewhere."""
    if not ids:
        return []
    if connection.vendor == "postgresql":
        return [("request_id = ANY(%s)", [ids])]
    return [
        (f"request_id IN ({', '.join(['%s'] * len(part))})", part)
        for part in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))
    ]


@dataclass
class Changes:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    def __iadd__(self, other: "Changes") -> "Changes":
        self.inserted += other.inserted
        self.updated += other.updated
        self.deleted += other.deleted
        return self


def replace(new: Rows, old: Rows, *, now: datetime, explain: Callable[[np.ndarray], list[str]]) -> Changes:
    """Make the stored rows `old` (a whole scope: some requests, one offer, everything) become `new`;
    `explain(indices)` gives the explanation texts of the new rows at those indices."""
    requests = np.unique(np.concatenate([old.request_ids, new.request_ids]))
    offers = np.unique(np.concatenate([old.offer_ids, new.offer_ids]))

    def keys(rows: Rows) -> np.ndarray:
        return np.searchsorted(requests, rows.request_ids) * len(offers) + np.searchsorted(offers, rows.offer_ids)

    old_keys, new_keys = keys(old), keys(new)
    order = np.argsort(old_keys, kind="stable")
    at = np.searchsorted(old_keys[order], new_keys)
    found = at < len(order)
    found[found] = old_keys[order[at[found]]] == new_keys[found]
    matched = order[at[found]]  # the stored row of each new row that exists
    new_found = np.flatnonzero(found)
    moved = (old.scores[matched] != new.scores[found]) | (old.digests[matched] != new.digests[found])
    gone = np.ones(len(old), dtype=bool)
    gone[matched] = False
    changes = Changes(
        inserted=int(np.count_nonzero(~found)), updated=int(np.count_nonzero(moved)), deleted=int(gone.sum())
    )
    updated, inserted = new_found[moved], np.flatnonzero(~found)
    _delete(old.ids[gone].tolist())
    # explanations are built and written in slices, so a first run's 500,000 texts never sit in memory
    updated_ids = old.ids[matched[moved]]
    for i in range(0, len(updated), WRITE_SLICE):
        part = updated[i : i + WRITE_SLICE]
        _update(updated_ids[i : i + WRITE_SLICE].tolist(), new, part, explain(part), now)
    for i in range(0, len(inserted), WRITE_SLICE):
        part = inserted[i : i + WRITE_SLICE]
        _insert(new, part, explain(part), now)
    return changes


def _delete(ids: list[int]) -> None:
    if not ids:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {TABLE} WHERE id = ANY(%s)", [ids])
        else:
            for i in range(0, len(ids), CHUNK):
                part = ids[i : i + CHUNK]
                cursor.execute(f"DELETE FROM {TABLE} WHERE id IN ({', '.join(['%s'] * len(part))})", part)


def _update(ids: list[int], new: Rows, rows: np.ndarray, texts: list[str], now: datetime) -> None:
    if not ids:
        return
    scores, digests = new.scores[rows].tolist(), new.digests[rows].tolist()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {TABLE} AS m SET score = u.score, explanation_digest = u.digest, "
                "explanation = u.explanation::jsonb, computed_at = %s FROM unnest(%s::bigint[], %s::smallint[], "
                "%s::bigint[], %s::text[]) AS u(id, score, digest, explanation) WHERE m.id = u.id",
                [now, ids, scores, digests, texts],
            )
        else:
            when = connection.ops.adapt_datetimefield_value(now)
            cursor.executemany(
                f"UPDATE {TABLE} SET score = %s, explanation_digest = %s, explanation = %s, computed_at = %s "
                "WHERE id = %s",
                list(zip(scores, digests, texts, [when] * len(ids), ids, strict=True)),
            )


def _insert(new: Rows, rows: np.ndarray, texts: list[str], now: datetime) -> None:
    """COPY on PostgreSQL (a first full rematch writes every row), one executemany elsewhere."""
    if not len(rows):
        return
    columns = [new.request_ids[rows].tolist(), new.offer_ids[rows].tolist(), new.scores[rows].tolist()]
    columns += [new.digests[rows].tolist(), texts]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY's text format, built at once: the explanations hold no tab, newline or backslash
            when = now.isoformat()
            lines = "".join(f"{r}\t{o}\t{s}\t{d}\t{t}\t{when}\n" for r, o, s, d, t in zip(*columns, strict=True))
            with cursor.cursor.copy(f"COPY {TABLE} ({COLUMNS}) FROM STDIN") as copy:
                copy.write(lines)
        else:
            when = connection.ops.adapt_datetimefield_value(now)
            values = [(*row, when) for row in zip(*columns, strict=True)]
            cursor.executemany(f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s)", values)


def mark_first_matched(*, now: datetime, request_ids=None) -> None:
    """`first_matched_at` of requests that have a candidate now and never had one (time to first match)."""
    waiting = TalentRequest.objects.filter(first_matched_at__isnull=True)
    if request_ids is not None:
        waiting = waiting.filter(pk__in=[int(i) for i in request_ids])
    waiting.filter(Exists(Match.objects.filter(request=OuterRef("pk")))).update(first_matched_at=now)
