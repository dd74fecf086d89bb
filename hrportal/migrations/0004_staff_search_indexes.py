"""Indexes for the staff-directory search on PostgreSQL.

Django's `icontains` becomes `UPPER(col::text) LIKE UPPER('%…%')`: a sequential scan of every staff row
unless a trigram index covers exactly that expression. SQLite (the embedded default) has no pg_trgm and
gets nothing here.
"""

from django.db import migrations

INDEXES = [
    "CREATE INDEX IF NOT EXISTS staff_last_name_trgm ON hrportal_staff USING gin (UPPER(last_name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS staff_first_name_trgm ON hrportal_staff USING gin (UPPER(first_name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS staff_email_upper_prefix ON hrportal_staff (UPPER(email::text) text_pattern_ops)",
]
DROPS = ["staff_last_name_trgm", "staff_first_name_trgm", "staff_email_upper_prefix"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for sql in INDEXES:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in DROPS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("hrportal", "0003_staff_directory_order_index")]

    operations = [migrations.RunPython(create, drop)]
