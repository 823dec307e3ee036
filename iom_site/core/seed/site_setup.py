"""The skeleton every environment needs: the three locales, the French home page,
its English and Spanish translations and the default Site.

Migrations create it (core.0002); this idempotent version rebuilds it wherever a
database was emptied (tests that flush tables) and is the seed command's first step.
"""

from django.conf import settings
from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site

HOME_TITLES = {"fr": "Accueil", "en": "Home", "es": "Inicio"}
HOME_SLUGS = {"fr": "accueil", "en": "home", "es": "inicio"}


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


@transaction.atomic
def ensure_site():
    """Return {language code: HomePage}, creating whatever is missing."""
    from iom_site.core.models import HomePage

    locales = ensure_locales()
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")

    source = HomePage.objects.filter(locale=locales["fr"]).first()
    if source is None:
        source = root.add_child(
            instance=HomePage(title=HOME_TITLES["fr"], slug=HOME_SLUGS["fr"], locale=locales["fr"])
        )
    homes = {"fr": source}
    for code, locale in locales.items():
        if code == "fr":
            continue
        home = source.get_translation_or_none(locale)
        if home is None:
            home = source.copy_for_translation(locale)
            home.title = home.draft_title = HOME_TITLES[code]
            home.slug = HOME_SLUGS[code]
            home.save_revision().publish()
        homes[code] = home.specific

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=source, is_default_site=True, site_name="OIM"
        )
    elif site.root_page_id != source.pk:
        site.root_page = source
        site.save()
    return homes
