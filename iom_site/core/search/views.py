"""The search page, one per language: /fr/recherche/, /en/search/, /es/busqueda/."""

from django.shortcuts import render
from django.utils.translation import get_language

from iom_site.core.delivery import memo, routing
from iom_site.core.navigation import selectors
from iom_site.core.search import results
from iom_site.core.search.forms import clean_page, clean_query


def search(request):
    shown, terms = clean_query(request.GET.get("q", ""))
    language = get_language()
    # What the page reads from the cache besides the results' details, in one round trip.
    memo.prefetch([*routing.every_page_keys(), *results.cache_keys(terms, language)])
    context = {"search_query": shown, "terms": terms, "searched": bool(terms)}
    if terms:
        context.update(results.run(request, terms, clean_page(request.GET.get("page")), language))
    if not terms or not context["count"] and not context["promoted"]:
        # Where to go instead: the sections of the main menu (cached per language).
        context["sections"] = selectors.main_menu(language)
    return render(request, "core/search/search_page.html", context)
