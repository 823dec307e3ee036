"""Page routing in a constant number of queries.

Wagtail resolves a URL one path segment at a time (one query per segment, plus the site,
the locale and the home page). Here the site, the locales and the home pages' paths are
cached, and the page is found by its ``url_path`` in one query (two with its specific
fields), whatever its depth, then kept in the content cache (memo.py) with what its
template shows (its family, ``display_data()``) and the tags of all of it. ``route``
returns Wagtail's own ``RouteResult``; the view (views.py) serves it the way Wagtail's
does. Anything unusual (sub-routes of a page, an unknown host) is left to Wagtail.
"""

from django.core.cache import cache
from django.db.models import Exists, prefetch_related_objects
from django.utils.translation import get_language

from wagtail.models import Locale, Page, PageViewRestriction, Site

from iom_site.core.delivery import tags
from iom_site.core.delivery.memo import cache_get, per_content, per_request, version_key
from iom_site.core.release import key as release_key
from iom_site.core.visibility import public


def routing_key():
    return release_key("delivery", "routing")


def every_page_keys():
    """The cache keys every page reads (content version, routing table with the
    private-pages flag): the views fetch them in one round trip with their own
    (``memo.prefetch``)."""
    return [version_key(), routing_key()]


def invalidate_routing():
    cache.delete(routing_key())


def _routing_table():
    """{"sites": [Site with root_page], "homes": {language: (url_path, Locale)}}"""
    return per_request("routing", _read_routing_table)


def _read_routing_table():
    table = cache_get(routing_key())
    if table is None:
        sites = list(Site.objects.select_related("root_page"))
        homes = {}
        any_restriction = None
        default = next((site for site in sites if site.is_default_site), None)
        if default is not None:
            # The languages, and whether any page is private, come with the homes: one
            # query for what three would ask.
            for home in (
                Page.objects.filter(translation_key=default.root_page.translation_key)
                .annotate(any_restriction=Exists(PageViewRestriction.objects.all()))
                .values("url_path", "locale_id", "locale__language_code", "any_restriction")
            ):
                code = home["locale__language_code"]
                homes[code] = (home["url_path"], Locale(pk=home["locale_id"], language_code=code))
                any_restriction = home["any_restriction"]
        if any_restriction is None:
            any_restriction = PageViewRestriction.objects.exists()
        table = {"sites": sites, "homes": homes, "any_restriction": any_restriction}
        cache.set(routing_key(), table, 60 * 60)
    return table


def page_url(page):
    """The page's address, without asking Wagtail's site table (one cache read per call)
    when the site is the only one: its language prefix and its path below its home."""
    table = _routing_table()
    if len(table["sites"]) == 1:
        for code, (home_path, locale) in table["homes"].items():
            if locale.pk == page.locale_id and page.url_path.startswith(home_path):
                return f"/{code}/{page.url_path[len(home_path) :]}"
    return page.get_url()


def home_paths():
    """{language: the url_path of that language's home page}."""
    return {code: home[0] for code, home in _routing_table()["homes"].items()}


def find_site(request, sites):
    try:
        hostname, port = request.get_host().split(":")[0], int(request.get_port())
    except (KeyError, ValueError):
        return None
    for site in sites:
        if site.hostname == hostname and site.port == port:
            return site
    same_host = [site for site in sites if site.hostname == hostname]
    if len(same_host) == 1:
        return same_host[0]
    return next((site for site in sites if site.is_default_site), None)


def route(request, path):
    """A Wagtail RouteResult for the page at ``path``, or None to let Wagtail route."""
    table = _routing_table()
    site = find_site(request, table["sites"])
    if site is None or not site.is_default_site or len(table["sites"]) > 1:
        return None
    home = table["homes"].get(get_language())
    if home is None:
        return None
    home_path, locale = home
    below_home = _below_home(path)
    page = per_content(
        _entry_name(get_language(), below_home),
        lambda: _load_page(home_path + below_home, locale),
    )
    if page is None:
        return None
    page.locale = locale
    kept = page.__dict__.pop("_display_data", None)
    if kept is not None:
        # What the template shows besides the page, built with it (``_load_page``).
        page.display_data = lambda: kept
    if not any_view_restriction():
        # No page is private (the usual case): Wagtail's view-restriction check, which
        # runs on every page served, needs no query.
        page.get_view_restrictions = PageViewRestriction.objects.none
    return page.route(request, [])


def _below_home(path):
    return "".join(f"{part}/" for part in path.split("/") if part)


def page_entry_name(language_code, path):
    """The ``per_content`` name of the page served at ``path`` (below the language
    prefix): known before anything is read, so views.serve fetches it with the rest."""
    return _entry_name(language_code, _below_home(path))


def _entry_name(language_code, below_home):
    return f"page:{language_code}:{below_home}"


def _load_page(url_path, locale):
    from iom_site.core.navigation.selectors import attach_family  # selectors imports this module

    page = Page.objects.filter(url_path=url_path, locale=locale).specific().first()
    if page is None:
        return None
    # Inline children the template shows (sections, units, form fields) come with the
    # page, so the cached page needs no query to display them; so do its ancestors and
    # translations (breadcrumbs, language switcher, hreflang) and what it lists.
    relations = getattr(page, "display_prefetch", ())
    if relations:
        prefetch_related_objects([page], *relations)
    with tags.ignoring():
        attach_family(page)
    tags.add(*family_tags(page))
    if hasattr(page, "display_data"):
        page._display_data = page.display_data()
    return page


def family_tags(page):
    """What a page's family shows: its ancestors' titles (breadcrumbs), the addresses of
    its and their translations (switcher, hreflang, fallbacks), its language's feeds."""
    from iom_site.core.feeds import feed_page_models

    family = page._family
    found = {tags.page_tag(p.pk) for p in family["ancestors"]}
    found |= {tags.address_tag(p.translation_key) for p in [*family["ancestors"], page]}
    found |= {tags.list_tag(model) for model in feed_page_models()}
    return found


def any_view_restriction():
    """Whether any page is private; almost never, so most pages skip the check."""
    return _routing_table()["any_restriction"]


def french_original(path):
    """The live, public French page at the same path as ``path`` under another language
    prefix (never a private one: its title would leak)."""
    parts = [part for part in path.split("/") if part]
    if not parts or parts[0] == "fr":
        return None
    home = _routing_table()["homes"].get("fr")
    if home is None:
        return None
    url_path = home[0] + "".join(f"{part}/" for part in parts[1:])
    return public(Page.objects.live().filter(url_path=url_path)).first()
