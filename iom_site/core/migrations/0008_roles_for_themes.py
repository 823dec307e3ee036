"""The editorial groups again (iom_site/core/editorial/roles.py), now that themes exist: editors add
and change French themes, translators translate them, moderators manage every language."""

from django.db import migrations

from iom_site.core.editorial.roles import apply_roles


def reset_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0007_themes")]

    operations = [migrations.RunPython(reset_roles, migrations.RunPython.noop)]
