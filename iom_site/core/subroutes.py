"""Views below a routable page that are pages to the visitor (an SDG hub below the
Agenda page): the view puts a ``SubRoute`` in its template's context as ``subroute``, and
the head (title, canonical, hreflang, Open Graph, BreadcrumbList), the breadcrumbs and the
language switcher speak of it instead of the page it is below. A page type whose views
should be in sitemap.xml says so with ``sitemap_subroutes`` (see ``sitemaps.py``)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SubRoute:
    """Title, address (a path, "/fr/…/") and language versions ({language code: (path,
    available)}, as navigation's ``language_versions`` gives them for a page) of a view."""

    title: str
    url: str
    versions: dict = field(default_factory=dict)
    description: str = ""
