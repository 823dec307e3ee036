from django.shortcuts import render

from wagtail import views as wagtail_views

from iom_site.core import routing


def serve(request, path):
    """Wagtail's page view, with the page found by ``routing.route`` when it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = routing.route(request, path)
        if result is not None:
            request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)


def page_not_found(request, exception=None):
    """The 404 page, in the visitor's language; when the address is a French page's path
    under another language's prefix, it links to that French original."""
    context = {"french_original": routing.french_original(request.path)}
    response = render(request, "404.html", context, status=404)
    return response
