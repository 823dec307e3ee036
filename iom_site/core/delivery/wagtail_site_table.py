"""Workaround: Wagtail reads its site table again after routing has read it.

Every page address Wagtail builds (``Page.get_url_parts``: links, canonical, hreflang)
starts from ``Site.get_site_root_paths()``, which, when its cache entry is missing,
reads the sites and then each site's root page translations: two queries on every cold
render, for rows the routing table (routing.py) has just read. ``fill()`` writes that
entry from routing's rows, as the tuples Wagtail builds (``SiteRootPath``: site id,
root page url_path, the site's root_url, language code; one per translation of the
site's root page, in path order), under Wagtail's key and version. Only for a single
site with ``WAGTAIL_I18N_ENABLED`` (this site): anything else is left to Wagtail.

Wagtail clears the entry itself when a site or a site root page is saved; routing
refills it only from rows it has just read from the database, never from its cache.

Upstream: no issue (Wagtail 8.0 caches the table but cannot know another reader has
the rows). Delete this module and its call in routing.py if Wagtail changes
``SiteRootPath`` or its cache key or version (tests/delivery/test_wagtail_site_table.py
then fails: it compares with ``Site.get_site_root_paths()`` built by Wagtail), or when
a cold render's query count no longer matters.
"""

from django.conf import settings
from django.core.cache import cache

from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)

#: Wagtail's own lifetime for the entry (Site.get_site_root_paths).
TIMEOUT = 3600


def root_paths(site, homes):
    """Wagtail's site table for ``site``, the only site, whose root page's translations
    are ``homes``: [(url_path, language code)] in path order."""
    return [
        SiteRootPath(site.id, url_path, site.root_url, language_code)
        for url_path, language_code in homes
    ]


def fill(sites, homes):
    """Write Wagtail's site table from what routing read: ``sites`` (all of them) and
    ``homes`` (the default site's root page translations, in path order)."""
    if len(sites) != 1 or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    cache.set(
        SITE_ROOT_PATHS_CACHE_KEY,
        root_paths(sites[0], homes),
        TIMEOUT,
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )
