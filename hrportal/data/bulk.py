"""Fast inserts for demo and benchmark data: rows as plain tuples, many rows per INSERT statement.

`bulk_create` builds a model instance per row and prepares every field of every instance; at 100,000 staff
the demo's profiles (about 900,000 rows) spent most of their time there. On PostgreSQL each batch is one short
INSERT ... SELECT FROM unnest() of one array per column. `insert_rows` takes tuples of the
named fields and fills every other field with its default; `insert_objects` takes unsaved instances (explicit
primary keys kept). Neither sends signals, sets primary keys on the instances, or runs `save()`: for data that
is generated, not entered. Portable SQL (PostgreSQL and SQLite), no COPY.
"""

from django.db import connection

# Field types whose Python values the database driver cannot take as they are on every backend; psycopg takes
# dates, aware datetimes and decimals as they are (Django's PostgreSQL operations pass them through unchanged).
_PREPARED = {"DateField", "DateTimeField", "DecimalField", "JSONField", "TimeField", "UUIDField", "DurationField"}
_PREPARED_POSTGRESQL = {"DateTimeField", "JSONField", "DurationField"}
_MAX_PARAMETERS = 30000  # under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement


def insert_rows(model, fields: list[str], rows, *, batch_size: int = 5000) -> int:
    """Insert `rows` (tuples in the order of `fields`, attnames such as "staff_id") into `model`'s table; every
    other concrete field except an automatic primary key gets its default. Returns the number of rows."""
    meta = model._meta
    given = [meta.get_field(name) for name in fields]
    names = {f.attname for f in given}
    rest = [
        f
        for f in meta.concrete_fields
        if f.attname not in names and not (f.primary_key and f.get_internal_type().endswith("AutoField"))
    ]
    constants = [_prepare(f)(f.pre_save(model(), add=True) if _is_auto_now(f) else f.get_default()) for f in rest]
    preparers = [(i, _prepare(f)) for i, f in enumerate(given) if _needs_preparing(f)]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(f.column) for f in (*given, *rest))
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # one array per column, INSERT ... SELECT FROM unnest(): a short statement whatever the batch (a
            # VALUES list of thousands of placeholders costs the driver more to parse than the server to run);
            # the defaults' placeholders come first in the statement, then the arrays'
            arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in given)
            defaults = "".join(f", %s::{f.db_type(connection)}" for f in rest)
            sql = f"INSERT INTO {table} ({columns}) SELECT u.*{defaults} FROM unnest({arrays}) AS u"
            for batch in _batches(rows, preparers, max(batch_size, 20000)):
                cursor.execute(sql, [*constants, *(list(column) for column in zip(*batch, strict=True))])
                count += len(batch)
            return count
        one = "(" + ", ".join(["%s"] * (len(given) + len(rest))) + ")"
        for batch in _batches(rows, preparers, max(1, min(batch_size, _MAX_PARAMETERS // (len(given) + len(rest))))):
            params = [value for row in batch for value in (*row, *constants)]
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(batch))}", params)
            count += len(batch)
    return count


def _batches(rows, preparers, size: int):
    """Lists of at most `size` rows, the values of the fields in `preparers` made ready for the driver."""
    batch: list = []
    for row in rows:
        if preparers:
            row = list(row)
            for i, prepare in preparers:
                row[i] = prepare(row[i])
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def insert_objects(objects: list, *, batch_size: int = 5000) -> int:
    """Insert unsaved instances of one model, every concrete field as set on them (an explicit primary key is
    kept; an unset automatic one is left to the database; a date set on an auto_now_add field is kept)."""
    if not objects:
        return 0
    model = type(objects[0])
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and objects[0].pk is None)]
    getters = [(f.attname, _is_auto_now(f), f) for f in fields]
    # an auto_now(_add) field keeps a value set on the instance (history in demo data), else it is now
    rows = (
        tuple(
            f.pre_save(obj, add=True) if auto and getattr(obj, attname) is None else getattr(obj, attname)
            for attname, auto, f in getters
        )
        for obj in objects
    )
    count = insert_rows(model, [f.attname for f in fields], rows, batch_size=batch_size)
    for obj in objects:  # as bulk_create leaves them: saved, in this database
        obj._state.adding, obj._state.db = False, connection.alias
    return count


def _is_auto_now(field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _needs_preparing(field) -> bool:
    kinds = _PREPARED_POSTGRESQL if connection.vendor == "postgresql" else _PREPARED
    return field.get_internal_type() in kinds


def _prepare(field):
    if not _needs_preparing(field):
        return lambda value: value
    if connection.vendor == "postgresql" and field.get_internal_type() == "DateTimeField":
        # an aware datetime goes as it is; a naive one gets Django's conversion (and warning)
        return lambda value: value if value is None or value.tzinfo else field.get_db_prep_save(value, connection)
    return lambda value: field.get_db_prep_save(value, connection)
