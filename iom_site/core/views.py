from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from wagtail import views as wagtail_views

from iom_site.core import memo, routing
from iom_site.core.navigation import selectors


def serve(request, path):
    """Wagtail's page view, with the page found by ``routing.route`` when it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        # What every page reads from the cache, in one round trip instead of six.
        language = get_language()
        memo.prefetch(
            [
                *selectors.every_page_keys(language),
                memo.content_key(routing.page_entry_name(language, path)),
            ]
        )
        result = routing.route(request, path)
        if result is not None:
            request._wagtail_route_for_request = result
    response = wagtail_views.serve(request, path)
    route = getattr(request, "_wagtail_route_for_request", None)
    if route is not None and routing.any_view_restriction() and route[0].get_view_restrictions():
        # A private page is never kept by the page cache or any shared cache.
        patch_cache_control(response, private=True, no_cache=True)
    return response


def page_not_found(request, exception=None):
    """The 404 page, in the visitor's language; when the address is a French page's path
    under another language's prefix, it links to that French original."""
    context = {"french_original": routing.french_original(request.path)}
    response = render(request, "404.html", context, status=404)
    return response
