"""The editorial groups again (iom_site/core/editorial/roles.py), now that publications
exist: translators may upload the file of their language into « Traduction », to put it
on their version of a publication. Page rights come from the language trees, so the
new page types need nothing more."""

from django.db import migrations

from iom_site.core.editorial.roles import apply_roles


def reset_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0001_publications_library"),
        ("core", "0009_front_page_blocks_and_section_images"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(reset_roles, migrations.RunPython.noop)]
