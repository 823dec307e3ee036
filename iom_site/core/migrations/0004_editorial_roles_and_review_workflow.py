"""The editorial groups (Communications editors, Moderators, Translators), their rights on
each language tree and collection, the « Communication » and « Traduction » collections and
the Review workflow, as defined in iom_site/core/editorial/roles.py.

It depends on the latest migration of every app whose permissions it hands out, so that
their models exist in the state it runs on.
"""

from django.db import migrations

from iom_site.core.editorial.roles import apply_roles


def create_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_navigation_workflow_locking"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("strategy", "0001_initial"),
        ("partnerships", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
