from wagtail import views as wagtail_views

from iom_site.core import routing


def serve(request, path):
    """Wagtail's page view, with the page found by ``routing.route`` when it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        result = routing.route(request, path)
        if result is not None:
            request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
