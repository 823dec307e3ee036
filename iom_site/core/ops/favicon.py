"""/favicon.ico: browsers ask for it at the root whatever the page says (a 404 in every
log and in the admin's console otherwise). Served from the static files, cached a day."""

from functools import cache

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe


@cache
def _icon():
    path = finders.find("favicon.ico")
    if path is None:
        return None
    with open(path, "rb") as handle:
        return handle.read()


@require_safe
def favicon(request):
    icon = _icon()
    if icon is None:
        raise Http404
    response = HttpResponse(icon, content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
