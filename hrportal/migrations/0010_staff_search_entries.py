"""The directory's name search reads search entries kept by triggers (PostgreSQL), instead of a document.

The document of 0009 found a common name's 2,800 staff in its GIN index, but counting them and sorting
them by name still read each of their rows from the table (1,800 pages, 10 ms for the count and 18 for the
page at 100,000 staff). Each entry is one word a staff member is found by (each word of the name, and the
e-mail address whole) with the columns the directory filters and sorts on, and one index holds them all:
PostgreSQL counts and sorts a common name on the index alone (2 and 5 ms). Three statement triggers keep
the entries in the transaction of every insert, update and delete of staff, whichever code or SQL makes
it; `staff_search_entries_sql` is the one definition of what an entry holds. SQLite gets an empty table.
"""

import django.db.models.deletion
from django.db import migrations, models

ENTRY_COLUMNS = "staff_id, word, is_email, last_key, first_key, is_active, entity_id, level, management_tier"


def staff_search_entries_sql(source: str) -> str:
    """The entries of the staff rows in `source` (a table, or a trigger's transition table)."""
    return f"""
        SELECT s.id, w.word, false, lower(s.last_name), lower(s.first_name), s.is_active, s.entity_id,
               s.level, s.management_tier
        FROM {source} s
        CROSS JOIN LATERAL (
            SELECT DISTINCT m[1] AS word
            FROM regexp_matches(lower(s.first_name || ' ' || s.last_name), '\\w+', 'g') AS m
        ) w
        UNION ALL
        SELECT s.id, lower(s.email), true, lower(s.last_name), lower(s.first_name), s.is_active, s.entity_id,
               s.level, s.management_tier
        FROM {source} s
    """


# A staff update rewrites the entries of the rows whose searched or filtered columns changed.
_CHANGED = """
    SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.first_name, n.last_name, n.email, n.is_active, n.entity_id, n.level, n.management_tier)
          IS DISTINCT FROM (o.first_name, o.last_name, o.email, o.is_active, o.entity_id, o.level, o.management_tier)
"""

FORWARD = [
    f"""
    CREATE FUNCTION hrportal_staff_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO hrportal_staffsearchentry ({ENTRY_COLUMNS}) {staff_search_entries_sql("new_rows")};
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE FUNCTION hrportal_staff_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM hrportal_staffsearchentry WHERE staff_id IN (SELECT id FROM ({_CHANGED}) changed);
        INSERT INTO hrportal_staffsearchentry ({ENTRY_COLUMNS}) {staff_search_entries_sql(f"({_CHANGED})")};
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION hrportal_staff_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM hrportal_staffsearchentry WHERE staff_id IN (SELECT id FROM old_rows);
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER staff_search_insert AFTER INSERT ON hrportal_staff REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION hrportal_staff_search_insert()",
    "CREATE TRIGGER staff_search_update AFTER UPDATE ON hrportal_staff "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION hrportal_staff_search_update()",
    "CREATE TRIGGER staff_search_delete AFTER DELETE ON hrportal_staff REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION hrportal_staff_search_delete()",
    f"INSERT INTO hrportal_staffsearchentry ({ENTRY_COLUMNS}) {staff_search_entries_sql('hrportal_staff')}",
    # The document and its index of 0009 are read by nothing now; every staff write kept them.
    "DROP INDEX IF EXISTS staff_name_document",
    "ALTER TABLE hrportal_staff DROP COLUMN IF EXISTS name_document",
]
BACKWARD = [
    "ALTER TABLE hrportal_staff ADD COLUMN IF NOT EXISTS name_document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', first_name || ' ' || last_name)) STORED",
    "CREATE INDEX IF NOT EXISTS staff_name_document ON hrportal_staff USING gin (name_document)",
    "DROP TRIGGER IF EXISTS staff_search_insert ON hrportal_staff",
    "DROP TRIGGER IF EXISTS staff_search_update ON hrportal_staff",
    "DROP TRIGGER IF EXISTS staff_search_delete ON hrportal_staff",
    "DROP FUNCTION IF EXISTS hrportal_staff_search_insert()",
    "DROP FUNCTION IF EXISTS hrportal_staff_search_update()",
    "DROP FUNCTION IF EXISTS hrportal_staff_search_delete()",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('hrportal', '0009_staff_name_document'),
    ]

    operations = [
        migrations.CreateModel(
            name='StaffSearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.TextField(max_length=254)),
                ('is_email', models.BooleanField()),
                ('last_key', models.TextField(max_length=100)),
                ('first_key', models.TextField(max_length=100)),
                ('is_active', models.BooleanField()),
                ('level', models.CharField(max_length=1)),
                ('management_tier', models.CharField(max_length=4)),
                ('entity', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='hrportal.entity')),
                ('staff', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='hrportal.staff')),
            ],
            options={
                'indexes': [models.Index(fields=['word'], include=('is_email', 'staff', 'last_key', 'first_key', 'is_active', 'entity', 'level', 'management_tier'), name='staff_search_word', opclasses=['text_pattern_ops'])],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
