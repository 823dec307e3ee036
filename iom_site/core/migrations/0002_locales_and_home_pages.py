"""Create the English and Spanish locales and the three home pages.

French is created by Wagtail from LANGUAGE_CODE. The English and Spanish home
pages share the French page's translation_key, so Wagtail and wagtail-localize
treat them as its translations.
"""

import uuid

from django.db import migrations

HOMES = [
    # language, tree path, slug, title
    ("fr", "00010001", "accueil", "Accueil"),
    ("en", "00010002", "home", "Home"),
    ("es", "00010003", "inicio", "Inicio"),
]


def create_locales_and_homes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("core.HomePage")

    locales = {}
    for code, *_ in HOMES:
        locales[code], _created = Locale.objects.get_or_create(language_code=code)

    if HomePage.objects.exists():
        return

    # Wagtail's placeholder "Welcome" page would sit where the French home goes.
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()

    content_type, _created = ContentType.objects.get_or_create(app_label="core", model="homepage")
    translation_key = uuid.uuid4()
    homes = {}
    for code, path, slug, title in HOMES:
        homes[code] = HomePage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=path,
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locales[code],
            translation_key=translation_key,
            live=True,
        )
    Page.objects.filter(depth=1).update(numchild=len(HOMES))
    Site.objects.create(
        hostname="localhost", port=80, root_page=homes["fr"], is_default_site=True,
        site_name="OIM",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_locales_and_homes, migrations.RunPython.noop)]
