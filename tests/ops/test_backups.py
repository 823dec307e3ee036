"""A backup restored into a fresh database and media folder loses nothing."""

from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

import psycopg
import pytest

from iom_site.core.ops.backups import media_checksums

TABLES = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_locale",
    "wagtail_localize_translation",
    "wagtail_localize_stringtranslation",
    "core_mainmenu",
    "core_footer",
    "core_orgunit",
    "strategy_sdgtarget",
    "partnerships_partner",
    "wagtailforms_formsubmission",
    "wagtailimages_image",
    "auth_user",
    "auth_group",
    "auth_group_permissions",
    "wagtailcore_grouppagepermission",
]


def snapshot(cursor):
    counts = {}
    for table in TABLES:
        cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
        counts[table] = cursor.fetchone()[0]
    cursor.execute("SELECT url_path, live, title FROM wagtailcore_page ORDER BY path")
    counts["pages"] = cursor.fetchall()
    return counts


@pytest.fixture
def empty_database():
    if connection.vendor != "postgresql":
        pytest.skip("backups are of PostgreSQL databases")
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restore"
    admin = psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"
    yield url, name
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.mark.django_db(transaction=True)
def test_restore_into_a_fresh_database_loses_nothing(empty_database, tmp_path, settings):
    import wagtail_factories

    settings.MEDIA_ROOT = tmp_path / "media-live"
    call_command("load_seed_content", stdout=StringIO())
    form_page = Page.objects.get(slug="engagez-vous").specific
    FormSubmission.objects.create(
        page=form_page, form_data={"nom": "Awa", "courriel": "awa@example.org"}
    )
    wagtail_factories.ImageFactory(title="Carte des bureaux")
    Group.objects.get_or_create(name="Equipe test")

    with connection.cursor() as cursor:
        before = snapshot(cursor)
    call_command("backup", output=str(tmp_path / "backup"), stdout=StringIO())

    url, name = empty_database
    restored_media = tmp_path / "media-restored"
    call_command(
        "restore",
        str(tmp_path / "backup"),
        database_url=url,
        media_root=str(restored_media),
        stdout=StringIO(),
    )
    with (
        psycopg.connect(url.replace("postgres://", "postgresql://")) as restored,
        restored.cursor() as cursor,
    ):
        after = snapshot(cursor)
    assert after == before
    assert before["wagtailforms_formsubmission"] == 1
    assert before["wagtailimages_image"] == 1
    assert media_checksums(restored_media) == media_checksums(settings.MEDIA_ROOT)
    assert len(media_checksums(restored_media)) >= 1


@pytest.mark.django_db(transaction=True)
def test_damaged_backup_is_refused_in_one_line(empty_database, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-live"
    call_command("backup", output=str(tmp_path / "backup"), stdout=StringIO())
    dump = tmp_path / "backup" / "database.dump"
    dump.write_bytes(dump.read_bytes()[:-10])
    url, _name = empty_database
    with pytest.raises(CommandError, match="database.dump does not match its checksum"):
        call_command(
            "restore", str(tmp_path / "backup"), database_url=url, media_root=str(tmp_path / "m")
        )
