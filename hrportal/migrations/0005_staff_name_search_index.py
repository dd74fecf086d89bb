"""The directory's name search becomes a word-prefix search on a full-text index (PostgreSQL only).

Substring search through trigram indexes still read thousands of index entries for a common name; a
`to_tsvector('simple', …)` GIN index answers `peeters:*` from one posting list. The expression must be
the one `hrportal.filters.NAME_DOCUMENT` queries. SQLite gets nothing here.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS staff_name_search ON hrportal_staff "
    "USING gin (to_tsvector('simple', first_name || ' ' || last_name))"
)
TRIGRAM = [
    "CREATE INDEX IF NOT EXISTS staff_last_name_trgm ON hrportal_staff USING gin (UPPER(last_name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS staff_first_name_trgm ON hrportal_staff USING gin (UPPER(first_name::text) gin_trgm_ops)",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE)
    schema_editor.execute("DROP INDEX IF EXISTS staff_last_name_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS staff_first_name_trgm")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in TRIGRAM:
        schema_editor.execute(sql)
    schema_editor.execute("DROP INDEX IF EXISTS staff_name_search")


class Migration(migrations.Migration):
    dependencies = [("hrportal", "0004_staff_search_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
