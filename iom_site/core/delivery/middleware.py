"""Serve anonymous visitors' pages from the page cache, before sessions, locale and the
rest of the stack run: a hit costs one cache round trip and no SQL.

Only what is the same for every anonymous visitor is kept: GET/HEAD of a path under a
language prefix, without a query string (tracking parameters aside), from a visitor
without a session, answered 200 without cookies, without a CSRF token in the page and
without ``Cache-Control: private``. Everything else passes through untouched, marked so
that shared caches in front of the site do not keep it either.

The Host is validated (``ALLOWED_HOSTS``) before anything is looked up: a disallowed
Host gets Django's 400, never a cached page. Pages carry no address taken from the
request (their absolute links come from ``PUBLIC_BASE_URL``), so one entry serves every
allowed Host, port and scheme alike.

Every render runs inside ``tags.collecting()``: the tags of what it read go with the
entry (store.py indexes it by them) and out in the response for the edge: ``xkey``
(Varnish's xkey vmod), ``Surrogate-Key`` (Fastly), ``Cache-Tag`` (Cloudflare).
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import store, tags

# Cookies that make a visitor's pages their own: a session (signed-in editors, private
# page passwords) and flash messages.
PERSONAL_COOKIES = ("sessionid", "messages")
UNSAFE_CACHE_CONTROL = ("private", "no-cache", "no-store")
HEADER = "X-Page-Cache"
# Edge tag headers: name, separator.
TAG_HEADERS = (("xkey", " "), ("Surrogate-Key", " "), ("Cache-Tag", ","))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.personal_cookies = {settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES}

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        path = request.path
        language = store.language_of(path)
        if language is None:
            return self.get_response(request)
        # Raises DisallowedHost (a 400) for a Host outside ALLOWED_HOSTS, before any
        # lookup: a forged Host never gets a cached page.
        request.get_host()
        if (
            len(path) > store.MAX_PATH_LENGTH
            or not store.only_tracking(request.META.get("QUERY_STRING", ""))
            or self.personal_cookies & request.COOKIES.keys()
        ):
            # Search results, other pages of a list, signed-in visitors: theirs alone.
            return self._bypass(self.get_response(request))

        entry, started = store.lookup(path)
        if entry is not None:
            return self._from_entry(request, entry)

        with tags.collecting() as read:
            response = self.get_response(request)
        if not self._shareable(request, response):
            return self._bypass(response)
        read.update(tags.chrome_tags(language))
        read.add(store.EVERYTHING)
        etag = store.etag_of(response.content)
        self._mark_public(response, etag, read)
        store.save(path, started, response, etag, read)
        response[HEADER] = "miss"
        if self._not_modified(request, etag):
            return self._not_modified_response(response)
        return response

    def _shareable(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        # A page that renders a CSRF token is tied to this visitor's cookie.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in UNSAFE_CACHE_CONTROL)

    def _bypass(self, response):
        response[HEADER] = "bypass"
        if "Cache-Control" not in response or response.status_code == 200:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def _mark_public(self, response, etag, read):
        response["ETag"] = etag
        # Short shared lifetimes: a purge that never arrived heals in minutes. Browsers
        # always revalidate (max-age=0, must-revalidate); the shared caches may answer
        # stale while they fetch the page again, told so in the headers meant for them
        # alone (RFC 9213's CDN-Cache-Control: Cloudflare, Fastly; Surrogate-Control:
        # Fastly, Varnish), which the edge removes before the visitor.
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.EDGE_CACHE_TIMEOUT,
            must_revalidate=True,
        )
        shared = (
            f"max-age={settings.EDGE_CACHE_TIMEOUT}, "
            f"stale-while-revalidate={settings.EDGE_STALE_WHILE_REVALIDATE}"
        )
        response["CDN-Cache-Control"] = shared
        response["Surrogate-Control"] = shared
        ordered = sorted(read)
        for name, separator in TAG_HEADERS:
            response[name] = separator.join(ordered)
        # Signed-in visitors see other bytes (the Wagtail user bar).
        patch_vary_headers(response, ("Cookie",))

    def _from_entry(self, request, entry):
        response = HttpResponse(b"" if request.method == "HEAD" else entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(entry["content"]))
        response[HEADER] = "hit"
        if self._not_modified(request, entry["etag"]):
            return self._not_modified_response(response)
        return response

    @staticmethod
    def _not_modified(request, etag):
        candidates = request.META.get("HTTP_IF_NONE_MATCH", "")
        if not candidates:
            return False
        tags = {tag.strip().removeprefix("W/") for tag in candidates.split(",")}
        return etag in tags or "*" in tags

    @staticmethod
    def _not_modified_response(response):
        not_modified = HttpResponseNotModified()
        for name in ("Cache-Control", "ETag", "Vary", "Content-Language", HEADER):
            if name in response:
                not_modified[name] = response[name]
        return not_modified
