"""The PostgreSQL text-search configuration of the site search (settings
WAGTAILSEARCH_BACKENDS SEARCH_CONFIG): French stemming after accent folding, so
"developpement" finds "développement" and "migrants" finds "migration". Nothing on SQLite,
whose FTS5 tokenizer already folds accents."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'iom_fr') THEN
        CREATE TEXT SEARCH CONFIGURATION iom_fr (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION iom_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS iom_fr;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_editorial_roles_and_review_workflow")]

    operations = [migrations.RunPython(create, drop)]
