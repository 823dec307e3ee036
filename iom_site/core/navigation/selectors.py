"""Data that spans pages: the main menu, the footer, breadcrumbs and language versions.

Menu and footer are the same on every page of a language, so they are computed once per
language and kept in the cache (chrome fragments) until something they show is published
(this room's signals.py rebuilds them and says which changed: ``navigation_changed``).
Menus, footers and every listing here show only live, public pages.
"""

import html
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from iom_site.core.addresses import page_path
from iom_site.core.navigation.chrome_snippets import (
    ChromeSnippets,
    LinkedPages,
    raw_links,
)
from iom_site.core.navigation.chrome_snippets import annotations as snippet_annotations
from iom_site.core.release import key as release_key
from iom_site.core.visibility import public, restricted_above

CACHE_TIMEOUT = 60 * 60 * 24
#: Home pages are the root's children (DESIGN.md's page tree: one home per language).
HOME_DEPTH = 2


def _key(kind, language_code):
    return release_key("navigation", kind, language_code)


def invalidate_navigation(language_codes=None):
    codes = language_codes or [code for code, _name in settings.LANGUAGES]
    cache.delete_many([_key(kind, code) for code in codes for kind in KINDS])


def refresh_navigation(language_codes=None):
    """Rebuild the cached menu and footer of these languages (all by default) from what
    is published now; returns the (kind, language) pairs ("menu", "fr") whose menu or
    footer changed, whose pages must then leave every cache. An entry missing from the
    cache counts as a change: nothing says what the cached pages show."""
    codes = language_codes or [code for code, _name in settings.LANGUAGES]
    changed = set()
    for code in codes:
        snippets = ChromeSnippets(code)  # menu and footer read their snippets together
        for kind, build in _builders().items():
            key = _key(kind, code)
            before, after = cache.get(key), build(code, snippets)
            cache.set(key, after, CACHE_TIMEOUT)
            if before != after:
                changed.add((kind, code))
    return changed


def _builders():
    from iom_site.core.feeds import feed_links

    return {
        "menu": _build_main_menu,
        "footer": _build_footer,
        "feeds": lambda code, _snippets: feed_links(code),
    }


#: What is kept per language: the menu, the footer, and the feeds for the head of views
#: that are not pages (search; a page reads them with its family).
KINDS = ("menu", "footer", "feeds")


def _kept(kinds, language_code):
    """{kind: value} of a language, read in one round trip; what is missing is built
    and kept."""
    keys = {kind: _key(kind, language_code) for kind in kinds}
    found = cache.get_many(list(keys.values()))
    result = {}
    snippets = ChromeSnippets(language_code)  # menu and footer read their snippets together
    for kind, key in keys.items():
        value = found.get(key)
        if value is None:
            value = _builders()[kind](language_code, snippets)
            cache.set(key, value, CACHE_TIMEOUT)
        result[kind] = value
    return result


def chrome(language_code):
    """{"menu": main_menu, "footer": footer} of a language in one cache read."""
    return _kept(("menu", "footer"), language_code)


def feeds(language_code):
    """[(title, feed address)] of the live Atom feeds of a language."""
    return _kept(("feeds",), language_code)["feeds"]


def main_menu(language_code):
    """[{title, url, lead, children: [{title, url, children: [...]}]}] for one language."""
    return _kept(("menu",), language_code)["menu"]


def _build_main_menu(language_code, snippets=None):
    from iom_site.core.models import OrgUnit, SectionPage, StructurePage

    snippets = snippets or ChromeSnippets(language_code)

    # Each language's pages sit below its home, the root's child: the menu's two levels
    # are that language's pages at the two depths below it, found without the home. The
    # sections' leads and the structure pages' chart headings come in the same query, and
    # so do the menu and footer snippets (the same on every row: a few small columns).
    depth = HOME_DEPTH
    pages = public(
        Page.objects.filter(locale__language_code=language_code, depth__in=(depth + 1, depth + 2))
        .live()
        .in_menu()
    ).annotate(
        menu_lead=Subquery(SectionPage.objects.filter(pk=OuterRef("pk")).values("lead")[:1]),
        chart_heading=Subquery(
            StructurePage.objects.filter(pk=OuterRef("pk")).values("chart_heading")[:1]
        ),
        **snippet_annotations("locale_id"),
    )
    pages = list(pages.order_by("path"))
    if pages:
        snippets.take(pages[0])
    leads = {p.pk: p.menu_lead for p in pages if p.menu_lead is not None}
    charts = {p.pk: p.chart_heading for p in pages if p.chart_heading is not None}
    units = {
        page_id: [(StructurePage.CHART_ANCHOR, heading)] for page_id, heading in charts.items()
    }
    if charts:  # only structure pages have units
        for page_id, key, name in OrgUnit.objects.filter(page_id__in=list(charts)).values_list(
            "page_id", "key", "name"
        ):
            units.setdefault(page_id, []).append((key, name))

    entries, by_path = [], {}
    for page in pages:
        url = page.get_url()
        entry = {
            "title": page.title,
            "url": url,
            "key": str(page.translation_key),
            # strip_tags leaves entities: unescaped here, the template escapes once.
            "lead": html.unescape(strip_tags(expand_db_html(leads.get(page.pk, "")))).strip(),
            "children": [
                {"title": name, "url": f"{url}#{key}", "children": []}
                for key, name in units.get(page.pk, [])
            ],
        }
        if page.depth == depth + 1:
            entries.append(entry)
            by_path[page.path] = entry
        elif page.path[: -Page.steplen] in by_path:
            by_path[page.path[: -Page.steplen]]["children"].append(entry)

    extra = snippets["menu"]
    if extra is not None:
        add_extra_links(entries, extra.extra_links, language_code, snippets.linked_pages())
    return entries


def add_extra_links(entries, stream, language_code, pages=None):
    """Place a menu snippet's links (``stream``) into ``entries``: under the top entry
    they name, or at the top level; pages resolved to their ``language_code`` version
    (``pages``: the ``LinkedPages`` of the stream, else read here)."""
    pages = pages or LinkedPages([stream], language_code)
    top = {entry["key"]: entry for entry in entries}
    for link in raw_links(stream):
        page = pages.page(link.get("page"))
        if page is not None:
            target = pages.version(page)
            if target is None:
                continue
            url, title = target.get_url(), link.get("title") or target.title
        else:
            url, title = link.get("external_url"), link.get("title")
        item = {"title": title, "url": url, "key": "", "lead": "", "children": []}
        under = pages.page(link.get("under"))
        parent = top.get(str(under.translation_key)) if under is not None else None
        (parent["children"] if parent else entries).append(item)


def footer(language_code):
    return _kept(("footer",), language_code)["footer"]


def _build_footer(language_code, snippets=None):
    snippets = snippets or ChromeSnippets(language_code)
    snippet = snippets["footer"]
    if snippet is None:
        return {"contact": "", "links": [], "legal": ""}
    pages = snippets.linked_pages()
    links = []
    for link in raw_links(snippet.links):
        page = pages.page(link.get("page"))
        if page is not None:
            target = pages.version(page)
            if target is None:
                continue
            links.append({"title": link.get("title") or target.title, "url": target.get_url()})
        else:
            links.append({"title": link.get("title"), "url": link.get("external_url")})
    return {"contact": expand_db_html(snippet.contact), "links": links, "legal": snippet.legal}


def breadcrumbs(page):
    """The page's ancestors below the root, home first (the page itself excluded)."""
    return _page_family(page)["ancestors"]


def language_versions(page):
    """{language code: (url, available)} for the page in every language: its live,
    non-alias translation, or else the nearest ancestor that has one."""
    return _page_family(page)["versions"]


def feeds_of_language(page):
    """[(title, feed address)] of the Atom feeds of the page's language, for its head:
    read with its family (feeds.py says which page types offer one)."""
    return _page_family(page)["feeds"]


def _page_family(page):
    """Ancestors, language versions and the language's feeds of a page, from one query,
    kept on the page object for the rest of the request (head, switcher and breadcrumbs
    all use them)."""
    cached = getattr(page, "_family", None)
    if cached is None:
        cached = page._family = _build_family(page)
    return cached


def attach_family(page, rows=None):
    """Compute the page's family now and keep it on the page object, so that a page kept
    in the cache carries it (one cache entry instead of two); ``rows``: the family's rows
    when already read (``find_with_family``)."""
    page._family = _build_family(page, rows)


def find_with_family(url_path, locale_id):
    """(the page at ``url_path`` in the language ``locale_id``, as a plain Page, or None;
    its family's rows for ``attach_family``) in one query: its ancestors are the pages
    of its language whose url_path starts its own, so the family needs no row of it."""
    prefixes = [url_path[: end + 1] for end in range(1, len(url_path) - 1) if url_path[end] == "/"]
    own = Page.objects.filter(locale_id=locale_id, url_path__in=[*prefixes, url_path])
    rows = _family_rows(
        Q(translation_key__in=own.values("translation_key")),
        locale_id,
        page_row=Q(url_path=url_path, locale_id=locale_id),
    )
    page = next((p for p in rows if p.url_path == url_path and p.locale_id == locale_id), None)
    return page, rows


def _family_rows(in_family, locale_id, page_row=None):
    """The rows of a family, path order: the pages ``in_family`` and the public listing
    pages of the language that offer a feed, aliases left out; and the page itself
    (``page_row``), alias or not."""
    from iom_site.core.feeds import feed_page_types

    feed_types = feed_page_types()
    if feed_types:
        # The public listing pages of this language that offer a feed come in the same
        # query.
        in_family |= Q(
            Q(content_type_id__in=feed_types, locale_id=locale_id, live=True)
            & ~Exists(restricted_above())
        )
    wanted = Q(in_family, alias_of__isnull=True)
    return list(
        Page.objects.filter(wanted if page_row is None else wanted | page_row)
        .select_related("locale")
        .order_by("path")
    )


def _build_family(page, rows=None):
    from iom_site.core.feeds import FEED_PATH, feed_page_types, public_url

    steps = Page.steplen
    # Ancestor paths are prefixes of the page's own path: no query needed to list them.
    paths = [page.path[:end] for end in range(2 * steps, len(page.path), steps)]
    feed_types = feed_page_types()
    if rows is None:
        rows = _family_rows(
            Q(translation_key=page.translation_key)
            | Q(path__in=paths)
            | Q(translation_key__in=Page.objects.filter(path__in=paths).values("translation_key")),
            page.locale_id,
        )
    family = [p for p in rows if p.alias_of_id is None]
    feed_pages = [
        p
        for p in family
        if p.content_type_id in feed_types and p.locale_id == page.locale_id and p.live
    ]
    # Wagtail's site table, read once for the whole family.
    batch = SimpleNamespace()

    def page_url(p):
        return page_path(p, batch)

    feeds = [(p.title, public_url(p, batch) + FEED_PATH) for p in feed_pages]
    ancestors = sorted((p for p in family if p.path in paths), key=lambda p: p.depth)
    live = [p for p in family if p.live]
    versions = {
        p.locale.language_code: (page_url(p), True)
        for p in live
        if p.translation_key == page.translation_key
    }
    ancestor_keys = {p.translation_key: p.depth for p in ancestors}
    for code, _name in settings.LANGUAGES:
        if code in versions:
            continue
        fallbacks = sorted(
            (
                p
                for p in live
                if p.locale.language_code == code and p.translation_key in ancestor_keys
            ),
            key=lambda p: ancestor_keys[p.translation_key],
        )
        versions[code] = (page_url(fallbacks[-1]), False) if fallbacks else (f"/{code}/", False)
    return {"ancestors": ancestors, "versions": versions, "feeds": feeds}
