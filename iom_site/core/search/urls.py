"""The search page's address, translated without the message catalogues: the route is a
lazy string that Django's URL resolver evaluates in the active language."""

from django.urls import path
from django.utils.functional import lazy
from django.utils.translation import get_language

from iom_site.core.search import views

SEARCH_SLUGS = {"fr": "recherche/", "en": "search/", "es": "busqueda/"}


def _route():
    return SEARCH_SLUGS.get(get_language(), SEARCH_SLUGS["fr"])


search_route = lazy(_route, str)()

urlpatterns = [path(search_route, views.search, name="site_search")]
