"""What a change affects, purged from the page cache and from the edge (CDN, Varnish).

A page's HTML shows, besides its own content: the menu and footer of its language, its
ancestors' titles (breadcrumbs), its translations' addresses (language switcher and
hreflang, falling back to the nearest translated ancestor), the cards of its children,
and the title and address of the pages it links to. So a change to a page purges:

- the page, and its parent (its cards);
- when its title changed, its descendants (breadcrumbs);
- when a translation went live or off, or moved: the translations and all their
  descendants (language switchers, hreflang, switcher fallbacks);
- the pages that link to it or choose it (Wagtail's reference index);
- the 2030 Agenda page of its language (its index lists the pages that tag a target);
- every page of a language whose menu or footer it changed.

Purges run at once and again when the transaction commits: a visitor whose render read
the data before the commit cannot leave a stale page behind.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q

from wagtail.models import Page, ReferenceIndex

from iom_site.core.memo import bump_content_version
from iom_site.core.routing import home_paths, public_root_url

from . import store

logger = logging.getLogger(__name__)


def public_path(url_path, language, homes=None):
    """The address of the page with this ``url_path`` in ``language``, or None."""
    home = (homes or home_paths()).get(language)
    if home is None or not url_path.startswith(home):
        return None
    return f"/{language}/{url_path[len(home) :]}"


def pages_showing(page):
    """(language, url_path) of every page whose HTML shows something of ``page``."""
    family = list(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "path", "live", "locale__language_code", "url_path"
        )
    )
    # What other pages show of this one besides its cards: its title (breadcrumbs) and
    # the addresses of its live translations (switchers, hreflang). Compared with what
    # they were at the last change, kept in the cache; unknown counts as changed.
    code = page.locale.language_code
    key = f"{store.PREFIX}:shown:{page.translation_key}"
    before = cache.get(key) or {"addresses": None, "titles": {}}
    shown = {
        "addresses": sorted((lang, url_path) for _p, live, lang, url_path in family if live),
        "titles": {**before["titles"], code: page.title},
    }
    cache.set(key, shown, None)
    addresses_changed = before["addresses"] != shown["addresses"]
    title_changed = before["titles"].get(code) != page.title

    condition = Q(pk=page.pk) | Q(path=page.path[: -Page.steplen])
    if title_changed or addresses_changed:
        condition |= Q(path__startswith=page.path)
    if addresses_changed:
        for path, *_rest in family:
            condition |= Q(path__startswith=path)
    referring = ReferenceIndex.get_references_to(page).filter(
        base_content_type__app_label=Page._meta.app_label,
        base_content_type__model=Page._meta.model_name,
    )
    condition |= Q(pk__in=[int(pk) for pk in referring.values_list("object_id", flat=True)])
    condition |= Q(
        locale_id=page.locale_id,
        content_type__app_label="strategy",
        content_type__model="agendapage",
    )
    return set(
        Page.objects.filter(condition)
        .filter(depth__gt=1)
        .values_list("locale__language_code", "url_path")
    )


def purge_pages(entries, languages=(), extra_paths=()):
    """Purge ``entries`` ((language, url_path) pairs), every page of ``languages``, and
    the addresses in ``extra_paths``; now and again on commit."""
    entries, languages, extra_paths = set(entries), set(languages), set(extra_paths)

    def run(edge):
        # Pages, families and cards kept under the content version are rebuilt too.
        bump_content_version()
        homes = home_paths()
        paths = {public_path(url_path, code, homes) for code, url_path in entries} | extra_paths
        paths.discard(None)
        store.purge_paths(paths)
        store.purge_languages(languages)
        if edge:
            purge_edge(paths, languages)

    run(edge=False)
    transaction.on_commit(lambda: run(edge=True))


def purge_edge(paths, languages):
    """The same purge at the CDN or Varnish configured in WAGTAILFRONTENDCACHE."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if languages:
        homes = home_paths()
        for url_path, code in (
            Page.objects.live()
            .filter(locale__language_code__in=languages)
            .values_list("url_path", "locale__language_code")
        ):
            paths.add(public_path(url_path, code, homes))
        paths.discard(None)
    base = public_root_url() or settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    try:
        purge_urls_from_cache(sorted(base + path for path in paths))
    except Exception:  # the edge being down must not fail a publish
        logger.exception("Frontend cache purge failed for %d URL(s)", len(paths))
