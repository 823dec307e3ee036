"""Documents in a restricted collection are never stored by a shared cache.

Wagtail's document view checks the collection's view restrictions (login, groups,
password) but sends the file with no ``Cache-Control`` at all: a CDN or proxy that caches
by default would hand a private file to the next visitor. This middleware marks those
answers ``private, no-store`` (and ``Vary: Cookie``); public documents are left as they are.
"""

from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.documents import get_document_model

from iom_site.core.route_middleware import RouteMiddleware


class PrivateDocumentCacheMiddleware(RouteMiddleware):
    routes = frozenset({"wagtaildocs_serve"})

    def guard(self, request, match, view_func, view_args, view_kwargs):
        response = view_func(request, *view_args, **view_kwargs)
        document_id = (view_args or (None,))[0] or view_kwargs.get("document_id")
        document = (
            get_document_model().objects.filter(pk=document_id).select_related("collection").first()
        )
        if document is not None and document.collection.get_view_restrictions().exists():
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response
