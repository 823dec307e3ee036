"""The views below pages that are pages to the visitor (core's subroutes.py: an SDG hub
below the Agenda page), found by the site search. They have no row in Wagtail's search
index, yet a visitor who searches for a goal's name or number must find its hub.

A page type lists such views with a ``search_subroutes(pages)`` classmethod, given its
live, public pages of one language, returning [(page, SubRoute)] (``sitemap_subroutes``
is the sitemap's counterpart): core names no section app, the page type says what it
has. The views are few (tens per language), so the search matches them here, against
their title and keywords, the same way on every database (PostgreSQL or SQLite), and
keeps their list per language under the content version: no query once it is built,
rebuilt after any publish or snippet change."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, get_page_models

from iom_site.core.delivery.memo import content_key, per_content
from iom_site.core.delivery.routing import page_url
from iom_site.core.search.forms import WORD
from iom_site.core.search.words import fold, matches
from iom_site.core.visibility import public

# Search words of one or two letters ("de", "of", "y") name nothing; words of three
# ("eau", "vie", "odd", but also "des", "the", "los") count only when the view has them.
MIN_WORD_LENGTH = 3
STRONG_WORD_LENGTH = 4


@dataclass(frozen=True)
class Entry:
    """A view as the search shows and matches it (kept in the cache: plain values)."""

    title: str
    url: str
    description: str
    crumbs: tuple  # ((title, path), …): the pages above the view, the home page first
    words: frozenset  # the folded words of its title and keywords


def _name(language_code):
    return f"search-subroutes:{language_code}"


def cache_key(language_code):
    """The cache key of the views of ``language_code`` (for the view's prefetch)."""
    return content_key(_name(language_code))


def entries(locale_id, language_code):
    """[Entry] of every view below the live, public pages of the language, in the order
    their page types list them."""
    return per_content(_name(language_code), lambda: _build(locale_id))


def _build(locale_id):
    """One query per page type that lists views, its own queries, and one for the pages
    above the views, whatever their number."""
    listed = []
    for model in get_page_models():
        search_subroutes = getattr(model, "search_subroutes", None)
        if search_subroutes is None:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        pages = list(
            public(model.objects.live()).filter(locale_id=locale_id, content_type=content_type)
        )
        if pages:
            listed += search_subroutes(pages)
    if not listed:
        return []
    steps = Page.steplen
    paths = {
        page.path[:end]
        for page, _subroute in listed
        for end in range(2 * steps, len(page.path) + 1, steps)
    }
    above = {
        row.path: row
        for row in Page.objects.filter(path__in=paths).only(
            "title", "path", "url_path", "locale_id"
        )
    }
    result = []
    for page, subroute in listed:
        crumbs = tuple(
            (above[path].title, page_url(above[path]))
            for path in (page.path[:end] for end in range(2 * steps, len(page.path) + 1, steps))
            if path in above
        )
        words = frozenset(fold(w) for w in WORD.findall(f"{subroute.title} {subroute.keywords}"))
        result.append(Entry(subroute.title, subroute.url, subroute.description, crumbs, words))
    return result


def score(entry, terms):
    """How many of the search words ``terms`` the view has, 0 when it is not a result: it
    is one when it has every search word of four letters or more (or of digits: "5" is
    the goal's number, exactly), and at least one search word. "égalité des sexes" finds
    « Objectif 5 : Égalité entre les sexes », "SDG 5" the fifth goal's hub, "eau" the
    sixth's; "migration" no hub. Stricter than the pages' search, which takes any word:
    a view is found when the visitor names it, not for one word of its title."""
    found = 0
    for term in {fold(w) for w in WORD.findall(terms)}:
        if len(term) < MIN_WORD_LENGTH and not term.isdigit():
            continue
        if term.isdigit():
            hit = term.lstrip("0") in entry.words
        else:
            hit = any(matches(word, term) for word in entry.words)
        if hit:
            found += 1
        elif term.isdigit() or len(term) >= STRONG_WORD_LENGTH:
            return 0
    return found


def matching(entries, terms):
    """The views ``terms`` finds, those with the most search words first."""
    scored = [(score(entry, terms), index, entry) for index, entry in enumerate(entries)]
    return [entry for found, _index, entry in sorted(scored, key=lambda s: (-s[0], s[1])) if found]
