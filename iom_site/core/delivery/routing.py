"""Page routing in a constant number of queries.

Wagtail resolves a URL one path segment at a time (one query per segment, plus the site,
the locale and the home page). Here the site, the locales and the home pages' paths are
cached, and the page is found by its ``url_path`` in one query (two with its specific
fields), whatever its depth, then kept in the content cache (memo.py) with what its
template shows (its family, ``display_data()``) and the tags of all of it. ``route``
returns Wagtail's own ``RouteResult``; the view (views.py) serves it the way Wagtail's
does. Anything unusual (sub-routes of a page, an unknown host) is left to Wagtail.
"""

import functools

from django.core.cache import cache
from django.db.models import Exists, prefetch_related_objects
from django.utils.translation import get_language

from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site

from iom_site.core.delivery import tags, wagtail_site_table
from iom_site.core.delivery.memo import cache_get, per_content, per_request, version_key
from iom_site.core.images import attach_renditions
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


#: What routing reads of a site (find_site): its root page is known by id only.
SITE_FIELDS = ("id", "hostname", "port", "site_name", "is_default_site")


def _routing_table():
    """{"sites": [Site], "homes": {language: (url_path, Locale)}, "any_restriction"}"""
    return per_request("routing", _read_routing_table)


def _read_routing_table():
    table = cache_get(routing_key())
    if table is None:
        table = _routing_rows()
        cache.set(routing_key(), table, 60 * 60)
    return table


def _routing_rows():
    """The sites, the default site's homes and the private-pages flag in one query: the
    translations of every site's root page, each with the sites rooted on it (a page
    no site is rooted on comes once, without a site)."""
    rows = list(
        Page.objects.filter(translation_key__in=Site.objects.values("root_page__translation_key"))
        .annotate(any_restriction=Exists(PageViewRestriction.objects.all()))
        .values(
            "id",
            "url_path",
            "translation_key",
            "locale_id",
            "locale__language_code",
            "any_restriction",
            *(f"sites_rooted_here__{name}" for name in SITE_FIELDS),
        )
        .order_by("path")
    )
    sites = [
        Site(
            root_page_id=row["id"],
            **{name: row[f"sites_rooted_here__{name}"] for name in SITE_FIELDS},
        )
        for row in rows
        if row["sites_rooted_here__id"] is not None
    ]
    default = next((site for site in sites if site.is_default_site), None)
    root_key = next(
        (row["translation_key"] for row in rows if default and row["id"] == default.root_page_id),
        None,
    )
    homes = {}
    for row in rows:
        if row["translation_key"] == root_key and row["locale__language_code"] not in homes:
            code = row["locale__language_code"]
            homes[code] = (row["url_path"], Locale(pk=row["locale_id"], language_code=code))
    if default is not None:
        wagtail_site_table.fill(
            sites, [(path, locale.language_code) for path, locale in homes.values()]
        )
    any_restriction = rows[0]["any_restriction"] if rows else PageViewRestriction.objects.exists()
    return {"sites": sites, "homes": homes, "any_restriction": any_restriction}


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
        page.get_view_restrictions = _no_restrictions
    return page.route(request, [])


@functools.cache
def _no_restrictions():
    """An empty queryset of view restrictions, already evaluated: iterating it or
    testing it (what Wagtail's check does) compiles no SQL, on every page served."""
    empty = PageViewRestriction.objects.none()
    len(empty)
    return empty


def _below_home(path):
    return "".join(f"{part}/" for part in path.split("/") if part)


def page_entry_name(language_code, path):
    """The ``per_content`` name of the page served at ``path`` (below the language
    prefix): known before anything is read, so views.serve fetches it with the rest."""
    return _entry_name(language_code, _below_home(path))


def _entry_name(language_code, below_home):
    return f"page:{language_code}:{below_home}"


def _load_page(url_path, locale):
    # selectors imports this module
    from iom_site.core.navigation.selectors import attach_family, find_with_family

    # The page's row comes with its family (ancestors, translations: breadcrumbs,
    # language switcher, hreflang), then its fields as its page type: two queries.
    with tags.ignoring():
        row, family = find_with_family(url_path, locale.pk)
    if row is None:
        return None
    page = _as_its_type(row)
    # Inline children the template shows (sections, units, form fields) come with the
    # page, so the cached page needs no query to display them; so does what it lists.
    relations = getattr(page, "display_prefetch", ())
    if relations:
        prefetch_related_objects([page], *relations)
    with tags.ignoring():
        attach_family(page, family)
    tags.add(*family_tags(page))
    if hasattr(page, "display_data"):
        page._display_data = page.display_data()
    return page


def _as_its_type(row):
    """The page of ``row`` (a plain Page) as its page type, with the images it shows
    (hero, card, share image) joined and their renditions; what Wagtail's ``specific()`` gives, without
    asking for the type the row already has."""
    model = row.specific_class
    if model is None or model is Page:
        tags.add(tags.page_tag(row.pk))
        return row
    images = [
        field.name
        for field in model._meta.fields
        if field.is_relation and field.related_model is get_image_model()
    ]
    page = model.objects.filter(pk=row.pk).select_related(*images).first()
    if page is None:  # its type's row is gone (a migration): Wagtail shows the plain page
        tags.add(tags.page_tag(row.pk))
        return row
    # Their renditions too, in one query: the hero's sizes, the share image, the JSON-LD's.
    attach_renditions(getattr(page, name) for name in images)
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
