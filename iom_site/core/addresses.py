"""Addresses of pages: the path a link uses, and the absolute address the outside world
uses (canonical, hreflang, Open Graph, JSON-LD, feeds, sitemap), always on the configured
public site (``settings.PUBLIC_BASE_URL``), never on the Host a request came with."""

import functools
from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import translation
from django.utils.regex_helper import _lazy_re_compile

from wagtail.coreutils import get_supported_content_language_variant

# The part of a page's url_path below its site root that Wagtail's ``wagtail_serve``
# route accepts (wagtail/urls.py's serve_pattern), and what Django's reverse() leaves
# unquoted (django/urls/resolvers.py): the same path, the same bytes.
_SERVABLE = _lazy_re_compile(r"(?:[\w\-]+/)*\Z")
_UNQUOTED = "!$&'()*+,;=" + "/~:@"


def page_path(page, request=None):
    """The page's path ("/fr/agir/"), or None for a page that is not routable.

    The same answer as Wagtail's ``page.get_url_parts(request)[2]``, which looks the
    page's site up in Wagtail's site table (read once per request when ``request`` is
    given), then calls reverse() inside ``translation.override``: about 0.1 ms a link,
    seven links and more a page. Here the language's route prefix is reversed once per
    process and the path below the site root appended, quoted as reverse() quotes it.
    Anything this shortcut does not cover (a page on several sites, a path the route
    refuses) gets Wagtail's own answer; tests/core/test_addresses.py
    compares both for every page of a tree. Delete the shortcut if a Wagtail release
    makes get_url_parts cheap."""
    roots = page._get_relevant_site_root_paths(request)
    if len({root.site_id for root in roots}) == 1:
        root = roots[0]
        below = page.url_path[len(root.root_path) :]
        if _SERVABLE.match(below):
            prefix = _serve_prefix(_language(root.language_code), get_script_prefix())
            if prefix is not None:
                return prefix + quote(below, safe=_UNQUOTED)
    parts = page.get_url_parts(request=request)
    if parts is None or parts[2] is None:
        return None
    return parts[2]


def _language(code):
    """The page's language, or the active language where it is a variant of it
    (LANGUAGES with more variants than WAGTAIL_CONTENT_LANGUAGES), as Wagtail does."""
    active = translation.get_language()
    if active == code or active is None:
        return code
    try:
        return active if get_supported_content_language_variant(active) == code else code
    except LookupError:
        return code


@functools.cache
def _serve_prefix(language_code, script_prefix):
    """The path of a site root in a language ("/fr/"), as Wagtail's route reverses it
    (``script_prefix`` is part of the answer: reverse() prefixes it)."""
    try:
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",))
    except NoReverseMatch:
        return None


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
