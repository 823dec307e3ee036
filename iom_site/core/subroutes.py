"""Views below a routable page that are pages to the visitor (an SDG hub below the
Agenda page): the view puts a ``SubRoute`` in its template's context as ``subroute``, and
the head (title, canonical, hreflang, Open Graph, BreadcrumbList), the breadcrumbs and the
language switcher speak of it instead of the page it is below. A page type whose views
should be in sitemap.xml says so with ``sitemap_subroutes`` (see ``sitemaps.py``), one
whose views the site search should find with ``search_subroutes`` (see the search room's
``subroutes.py``)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SubRoute:
    """Title, address (a path, "/fr/…/") and language versions ({language code: (path,
    available)}, as navigation's ``language_versions`` gives them for a page) of a view;
    ``keywords``: words the site search finds it by besides its title ("SDG 5")."""

    title: str
    url: str
    versions: dict = field(default_factory=dict)
    description: str = ""
    keywords: str = ""
