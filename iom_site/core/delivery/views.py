"""Wagtail's page view, unchanged in what it does: route, ``before_serve_page`` hooks
(view restrictions, passwords), ``on_serve_page`` hooks, ``page.serve``. The only
difference is where the route comes from: ``routing.route`` (the content cache) when it
can, else Wagtail's own routing (``wagtail.views.serve``). No private attribute of the
request is set."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from wagtail import hooks
from wagtail import views as wagtail_views

from iom_site.core.delivery import memo, routing
from iom_site.core.delivery.templatetags.delivery import PREFETCHED, fragment_key


def serve(request, path):
    language = get_language()
    # What every page reads from the cache, in one round trip.
    memo.prefetch(
        [
            *routing.every_page_keys(),
            memo.content_key(routing.page_entry_name(language, path)),
            *(fragment_key(name, language, request.path) for name in PREFETCHED),
        ]
    )
    result = routing.route(request, path)
    if result is None:
        return wagtail_views.serve(request, path)
    page, args, kwargs = result

    chain = wagtail_views.serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        response = fn(page, request, args, kwargs)
        if isinstance(response, HttpResponse):
            return _private_if_restricted(page, response)
    return _private_if_restricted(page, chain(page, request, args, kwargs))


def _private_if_restricted(page, response):
    if routing.any_view_restriction() and page.get_view_restrictions():
        # A private page is never kept by the page cache or any shared cache.
        patch_cache_control(response, private=True, no_cache=True)
    return response


def page_not_found(request, exception=None):
    """The 404 page, in the visitor's language; when the address is a live, public
    French page's path under another language's prefix, it links to that original."""
    context = {"french_original": routing.french_original(request.path)}
    return render(request, "404.html", context, status=404)
