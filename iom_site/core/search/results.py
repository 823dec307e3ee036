"""Running a search: locale-filtered results, the views below pages the query names (an
SDG hub, subroutes.py), editors' promotions, summaries with the matched words marked,
breadcrumb paths and query statistics, in six queries at most."""

import functools
import hashlib
import html
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.utils import normalise_query_string

from iom_site.core.delivery.memo import cache_get, content_key, per_content
from iom_site.core.delivery.routing import any_view_restriction, page_url
from iom_site.core.search import subroutes
from iom_site.core.search.forms import WORD
from iom_site.core.search.words import fold, matches

PAGE_SIZE = 10
PROBE_SIZE = 100
# Fields a page type may hold that its `summary` property reads.
SUMMARY_FIELDS = ("listing_summary", "lead", "intro")
LOCALES_KEY = "core:search:locales"


@dataclass
class Hit:
    title: str
    url: str
    summary: str
    crumbs: list = field(default_factory=list)
    promoted: bool = False


def locale_id(language_code):
    """The Locale's id, cached: locales change once in a site's life."""
    ids = cache_get(LOCALES_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(LOCALES_KEY, ids, 60 * 60)
    return ids.get(language_code)


def digest(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=16384)
def _marked(word, keys):
    """Whether ``word`` matches one of the folded search terms ``keys``. Kept: summaries
    share most of their words and a search runs over the same few summaries again and
    again, so folding each word anew was a sixth of a search's time."""
    folded = fold(word)
    return any(matches(folded, key) for key in keys)


def highlight(text, terms):
    """``text`` escaped, each word matching a search term wrapped in <mark>."""
    keys = tuple(fold(term) for term in terms.split() if len(term) >= 3)
    if not text or not keys:
        return escape(text or "")
    out, last = [], 0
    for match in WORD.finditer(text):
        if _marked(match.group(), keys):
            out.append(escape(text[last : match.start()]))
            out.append(format_html("<mark>{}</mark>", match.group()))
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


def log_query(terms):
    """Wagtail's search statistics (``Query.get(q).add_hit()``) in two statements
    whatever the history of the query, instead of up to six with savepoints."""
    query_string = normalise_query_string(terms)[:255]
    if not query_string:
        return
    quote = connection.ops.quote_name
    queries, hits = quote(Query._meta.db_table), quote(QueryDailyHits._meta.db_table)
    today = timezone.now().date()
    if connection.vendor == "postgresql":
        # One statement, whose commit does not wait for the disk (set_config(…, true)
        # lasts for this statement's own transaction): a statistic lost in a crash costs
        # nothing, a disk flush per search costs every visitor time.
        sql = (
            "WITH s AS (SELECT set_config('synchronous_commit', 'off', true)), "  # noqa: S608
            f"q AS (INSERT INTO {queries} (query_string) VALUES (%s) "
            "ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string "
            f"RETURNING id) INSERT INTO {hits} (query_id, date, hits) "
            "SELECT q.id, %s, 1 FROM q, s "
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + 1"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [query_string, today])
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {queries} (query_string) VALUES (%s) "  # noqa: S608 (table names)
            "ON CONFLICT (query_string) DO NOTHING",
            [query_string],
        )
        cursor.execute(
            f"INSERT INTO {hits} (query_id, date, hits) "  # noqa: S608 (table names)
            f"SELECT id, %s, 1 FROM {queries} WHERE query_string = %s "
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + 1",
            [today, query_string],
        )


def _promotions(terms, locale):
    query_string = normalise_query_string(terms)
    return list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .filter(Q(page__isnull=True) | Q(page__live=True, page__locale_id=locale))
        .select_related("page")
        .order_by("sort_order")
    )


def _promotions_name(terms, language_code):
    return f"promotions:{language_code}:{digest(normalise_query_string(terms))}"


def _probe_name(terms, language_code):
    return f"search-probe:{language_code}:{digest(terms)}"


def cache_keys(terms, language_code):
    """The cache keys a search for ``terms`` reads before it knows its results."""
    keys = [LOCALES_KEY]
    if terms:
        keys.append(content_key(_promotions_name(terms, language_code)))
        keys.append(content_key(_probe_name(terms, language_code)))
        keys.append(subroutes.cache_key(language_code))
    return keys


class Chain:
    """The views below pages that match (subroutes.py: already Hits), then the pages the
    backend found, as one sequence the paginator counts and slices: the pages' count and
    slices stay in the database when there are more than a probe of them."""

    def __init__(self, first, rest):
        self.first, self.rest = first, rest

    def __len__(self):
        rest = len(self.rest) if isinstance(self.rest, list) else self.rest.count()
        return len(self.first) + rest

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        offset = len(self.first)
        head = self.first[start:stop]
        tail = self.rest[max(start - offset, 0) : None if stop is None else max(stop - offset, 0)]
        return [*head, *tail]


def _summary_models():
    from iom_site.core.models.base import BasePage

    return [m for m in get_page_models() if issubclass(m, BasePage) and not m._meta.abstract]


def _details(pages):
    """{page id: (page, summary)} for ``pages`` and all their ancestors, in one query:
    each page type's summary fields come through its table joined to wagtailcore_page."""
    steps = Page.steplen
    paths = {p.path[:end] for p in pages for end in range(2 * steps, len(p.path), steps)}
    annotations, fields_of = {}, {}
    for model in _summary_models():
        names = [f for f in SUMMARY_FIELDS if any(x.name == f for x in model._meta.fields)]
        fields_of[model] = names
        for name in names:
            annotations[f"s_{model._meta.model_name}_{name}"] = F(
                f"{model._meta.model_name}__{name}"
            )
    rows = Page.objects.filter(Q(pk__in=[p.pk for p in pages]) | Q(path__in=paths)).annotate(
        **annotations
    )
    details = {}
    for row in rows:
        summary = row.search_description
        for model, names in fields_of.items():
            prefix = f"s_{model._meta.model_name}_"
            if getattr(row, f"{prefix}listing_summary", None) is None:
                continue
            values = {name: getattr(row, prefix + name) or "" for name in names}
            summary = model(search_description=row.search_description, **values).summary
            break
        # Summaries made from rich text keep its entities ("&amp;"): text again.
        details[row.pk] = (row, html.unescape(str(summary or "")))
    return details


def run(request, terms, page_number, language_code):
    """The context of a results page for ``terms`` (already cleaned)."""
    locale = locale_id(language_code)
    base = Page.objects.live().filter(locale_id=locale, depth__gt=1)
    if any_view_restriction():  # the search backend takes plain filters only
        base = base.public()
    # Promotions, page details and the ranked pages a search finds are data about pages,
    # kept under the content version (any publish, any change to who may see a page or to
    # a promotion retires them): a repeated search runs no full-text query. Its statistics
    # (log_query) are written every time.
    promotions = (
        per_content(_promotions_name(terms, language_code), lambda: _promotions(terms, locale))
        if page_number == 1
        else []
    )
    if page_number == 1:
        log_query(terms)
    results = base.search(terms, operator="or")
    # Views below pages that are pages to the visitor (an SDG hub) come first: the
    # visitor named them (subroutes.score).
    views = [
        Hit(
            title=entry.title,
            url=entry.url,
            summary=highlight(entry.description, terms),
            crumbs=list(entry.crumbs),
        )
        for entry in subroutes.matching(subroutes.entries(locale, language_code), terms)
    ]
    # One query instead of a count and a page when the results fit in a few pages (on
    # a site of this size, nearly always); beyond, the paginator counts in the database.
    # The probe is kept as ids and tree paths (a few bytes a page): all the details and
    # crumbs need, read from their own entry.
    probe = per_content(
        _probe_name(terms, language_code),
        lambda: [(p.pk, p.path) for p in results[: PROBE_SIZE + 1]],
    )
    first = [Page(pk=pk, path=path) for pk, path in probe]
    paginator = Paginator(Chain(views, first if len(first) <= PROBE_SIZE else results), PAGE_SIZE)
    page = paginator.get_page(page_number)
    found = [item for item in page.object_list if not isinstance(item, Hit)]

    promoted_ids = {p.page_id for p in promotions if p.page_id}
    shown = [*found, *(p.page for p in promotions if p.page_id)]
    details = per_content(
        "search-details:" + ",".join(str(p.pk) for p in shown), lambda: _details(shown)
    )

    by_path = {row.path: row for row, _summary in details.values()}
    steps = Page.steplen

    def hit(page_obj, promoted=False):
        row, summary = details.get(page_obj.pk, (page_obj, ""))
        ancestors = (row.path[:end] for end in range(2 * steps, len(row.path), steps))
        crumbs = [
            (by_path[path].title, page_url(by_path[path])) for path in ancestors if path in by_path
        ]
        return Hit(
            title=row.title,
            url=page_url(row),
            summary=highlight(summary, terms),
            crumbs=crumbs,
            promoted=promoted,
        )

    promoted = []
    for promotion in promotions:
        if promotion.page_id:
            promoted.append(hit(promotion.page, promoted=True))
        else:
            promoted.append(
                Hit(
                    title=promotion.external_link_text or promotion.external_link_url,
                    url=promotion.external_link_url,
                    summary=escape(promotion.description),
                    promoted=True,
                )
            )
    return {
        "promoted": promoted,
        "results": [
            item if isinstance(item, Hit) else hit(item)
            for item in page.object_list
            if isinstance(item, Hit) or item.pk not in promoted_ids
        ],
        "page_obj": page,
        "paginator": paginator,
        "count": paginator.count,
    }
