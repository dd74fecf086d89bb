"""Writing matches: only the rows that changed, in the caller's transaction, one matching job at a time.

The computed rows are compared with the stored ones on (request, offer): a row whose score or
explanation moved is updated, a new one inserted, one no longer kept deleted; the rest is not touched.
The rank is not stored: it is the order of (score, older offer first) that every list reads, so a row
whose rank moved only because another row came or went needs no write. Readers see the old lists until
the transaction commits, never an empty one.
"""

from dataclasses import dataclass
from datetime import datetime

import numpy as np
from django.db import connection
from django.db.models import Exists, OuterRef

from mobility.marketplace.matching.explain import digest
from mobility.models import Match, TalentRequest

TABLE = Match._meta.db_table
# The first 64 bits of the MD5 of the stored text, signed, as `explain.digest` computes it in Python.
DIGEST_SQL = "('x' || substr(md5(explanation::text), 1, 16))::bit(64)::bigint"
# pg_advisory_xact_lock key of the matching jobs ("mobility.marketplace.matching", hashed once).
LOCK_KEY = 0x6D6F62696C697479
CHUNK = 5000


def lock() -> None:
    """Serialise the matching jobs (released at commit): each one loads the market after the previous
    one committed, so a refresh queued during a full rematch runs after it, on the new lists."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


@dataclass
class Rows:
    """Match rows as arrays; `texts` (explanations) only where they may have to be written."""

    request_ids: np.ndarray
    offer_ids: np.ndarray
    scores: np.ndarray
    digests: np.ndarray
    texts: list | None = None
    ids: np.ndarray | None = None  # stored rows only

    @classmethod
    def empty(cls) -> "Rows":
        nothing = np.zeros(0, dtype=np.int64)
        return cls(nothing, nothing, nothing, nothing, [], nothing)

    @classmethod
    def computed(cls, request_ids, offer_ids, scores, texts: list[str]) -> "Rows":
        digests = np.fromiter((digest(t) for t in texts), dtype=np.int64, count=len(texts))
        return cls(*(np.asarray(a, dtype=np.int64) for a in (request_ids, offer_ids, scores)), digests, texts)

    @classmethod
    def from_tuples(cls, rows: list[tuple]) -> "Rows":
        """From (request id, offer id, score, digest, text) tuples."""
        if not rows:
            return cls.empty()
        request_ids, offer_ids, scores, digests, texts = zip(*rows, strict=True)
        arrays = (np.array(a, dtype=np.int64) for a in (request_ids, offer_ids, scores, digests))
        return cls(*arrays, texts=list(texts))

    def subset(self, mask: np.ndarray) -> "Rows":
        texts = None if self.texts is None else [t for t, m in zip(self.texts, mask, strict=True) if m]
        ids = None if self.ids is None else self.ids[mask]
        return Rows(self.request_ids[mask], self.offer_ids[mask], self.scores[mask], self.digests[mask], texts, ids)

    def __len__(self) -> int:
        return len(self.request_ids)


def stored(*, request_ids=None, offer_id: int | None = None) -> Rows:
    """The stored matches of these requests, of this offer, or all of them."""
    postgres = connection.vendor == "postgresql"
    columns = f"id, request_id, offer_id, score, {DIGEST_SQL if postgres else 'explanation'}"
    if request_ids is None and offer_id is None:
        batches = [(f"SELECT {columns} FROM {TABLE}", [])]
    elif offer_id is not None:
        batches = [(f"SELECT {columns} FROM {TABLE} WHERE offer_id = %s", [offer_id])]
    else:
        ids = [int(i) for i in request_ids]
        batches = [
            (f"SELECT {columns} FROM {TABLE} WHERE request_id IN ({', '.join(['%s'] * len(part))})", part)
            for part in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK))
        ]
    rows = []
    with connection.cursor() as cursor:
        for sql, params in batches:
            cursor.execute(sql, params)
            rows += cursor.fetchall()
    if not rows:
        return Rows.empty()
    ids, request, offer, score, last = zip(*rows, strict=True)
    digests = last if postgres else [digest(text) for text in last]
    arrays = [np.array(column, dtype=np.int64) for column in (request, offer, score, digests)]
    return Rows(*arrays, ids=np.array(ids, dtype=np.int64))


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


def replace(new: Rows, old: Rows, *, now: datetime) -> Changes:
    """Make the stored rows `old` (a whole scope: some requests, one offer, everything) become `new`."""
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
    _delete(old.ids[gone].tolist())
    _update(old.ids[matched[moved]].tolist(), new, new_found[moved], now)
    _insert(new, np.flatnonzero(~found), now)
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


def _update(ids: list[int], new: Rows, rows: np.ndarray, now: datetime) -> None:
    if not ids:
        return
    scores = new.scores[rows].tolist()
    texts = [new.texts[i] for i in rows.tolist()]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"UPDATE {TABLE} AS m SET score = u.score, explanation = u.explanation::jsonb, computed_at = %s "
                "FROM unnest(%s::bigint[], %s::smallint[], %s::text[]) AS u(id, score, explanation) WHERE m.id = u.id",
                [now, ids, scores, texts],
            )
        else:
            when = connection.ops.adapt_datetimefield_value(now)
            cursor.executemany(
                f"UPDATE {TABLE} SET score = %s, explanation = %s, computed_at = %s WHERE id = %s",
                [(s, t, when, i) for s, t, i in zip(scores, texts, ids, strict=True)],
            )


def _insert(new: Rows, rows: np.ndarray, now: datetime) -> None:
    """COPY on PostgreSQL (a first full rematch writes every row), one multi-row INSERT batch elsewhere."""
    if not len(rows):
        return
    values = zip(
        new.request_ids[rows].tolist(),
        new.offer_ids[rows].tolist(),
        new.scores[rows].tolist(),
        [new.texts[i] for i in rows.tolist()],
        strict=True,
    )
    columns = "request_id, offer_id, score, explanation, computed_at"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {TABLE} ({columns}) FROM STDIN") as copy:
                for request_id, offer_id, score, text in values:
                    copy.write_row((request_id, offer_id, score, text, now))
        else:
            when = connection.ops.adapt_datetimefield_value(now)
            cursor.executemany(
                f"INSERT INTO {TABLE} ({columns}) VALUES (%s, %s, %s, %s, %s)",
                [(r, o, s, t, when) for r, o, s, t in values],
            )


def mark_first_matched(*, now: datetime, request_ids=None) -> None:
    """`first_matched_at` of requests that have a candidate now and never had one (time to first match)."""
    waiting = TalentRequest.objects.filter(first_matched_at__isnull=True)
    if request_ids is not None:
        waiting = waiting.filter(pk__in=[int(i) for i in request_ids])
    waiting.filter(Exists(Match.objects.filter(request=OuterRef("pk")))).update(first_matched_at=now)
