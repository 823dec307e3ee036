"""Addresses of pages: the path a link uses, and the absolute address the outside world
uses (canonical, hreflang, Open Graph, JSON-LD, feeds, sitemap), always on the configured
public site (``settings.PUBLIC_BASE_URL``), never on the Host a request came with."""

from django.conf import settings


def page_path(page, request=None):
    """The page's path ("/fr/agir/"), from Wagtail's own site table (read once per
    request when ``request`` is given), or None for a page that is not routable."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return None
    return parts[2]


def public_base_url():
    return settings.PUBLIC_BASE_URL.rstrip("/")


def absolute(path):
    """The absolute public address of a path ("/fr/…"); an address that is already
    absolute (media on another host) is kept."""
    if path.startswith(("http://", "https://", "//")):
        return path
    return public_base_url() + path


def public_url(path_or_page, request=None):
    """The absolute public address of a path or a page."""
    path = path_or_page if isinstance(path_or_page, str) else page_path(path_or_page, request)
    return absolute(path)
