"""sitemap.xml and robots.txt, outside the language prefix.

Wagtail's sitemap lists only the tree under the site's root page (French) and no
alternates; this one lists every live page of every language, each with
``xhtml:link rel="alternate" hreflang`` to its live, non-alias translations (itself
included, as Google asks), in two queries whatever the size of the site."""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from wagtail.models import Page, get_page_models

from iom_site.core.addresses import absolute, page_path
from iom_site.core.visibility import public


def live_pages():
    pages = (
        public(Page.objects.live())
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path", "locale__language_code")
    )
    return pages


def entries(request):
    """[{loc, lastmod, alternates: [(code, url)]}], languages in LANGUAGES order."""
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    pages = sorted(
        (p for p in live_pages() if p.locale.language_code in order),
        key=lambda p: (order[p.locale.language_code], p.path),
    )
    urls = {p.pk: absolute(page_path(p, request)) for p in pages}
    family = defaultdict(list)
    for page in pages:
        family[page.translation_key].append(page)
    result = []
    for page in pages:
        versions = family[page.translation_key]
        alternates = [(v.locale.language_code, urls[v.pk]) for v in versions]
        x_default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
        result.append(
            {
                "loc": urls[page.pk],
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
                "x_default": x_default if len(alternates) > 1 else None,
            }
        )
    return result + subroute_entries(request, pages)


def subroute_entries(request, pages):
    """The views below pages that are pages to the visitor (core's subroutes.py): a page
    type lists them with a ``sitemap_subroutes(pages)`` classmethod, given its live pages
    of every language, returning [{loc, lastmod, alternates: [(code, path)]}] with paths;
    one query per such page type, whatever the number of pages."""
    result = []
    for model in get_page_models():
        listed = getattr(model, "sitemap_subroutes", None)
        if listed is None:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        typed = [page for page in pages if page.content_type_id == content_type.pk]
        if not typed:
            continue
        for entry in listed(typed):
            alternates = [
                (code, request.build_absolute_uri(url)) for code, url in entry["alternates"]
            ]
            x_default = next(
                (url for code, url in alternates if code == settings.LANGUAGE_CODE), None
            )
            result.append(
                {
                    "loc": request.build_absolute_uri(entry["loc"]),
                    "lastmod": entry.get("lastmod"),
                    "alternates": alternates if len(alternates) > 1 else [],
                    "x_default": x_default if len(alternates) > 1 else None,
                }
            )
    return result


@cache_control(max_age=3600)
def sitemap(request):
    return render(
        request,
        "core/search/sitemap.xml",
        {"entries": entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@cache_control(max_age=86400)
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )
